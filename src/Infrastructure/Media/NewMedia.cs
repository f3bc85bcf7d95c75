namespace Conversations.Infrastructure.Media;

/// <summary>A file to store: whose it is, what it is (its type already established by the caller) and where it came from.</summary>
public sealed record NewMedia(Guid BusinessId, string MimeType, string? FileName, string Source, Guid? UploadedBy);
