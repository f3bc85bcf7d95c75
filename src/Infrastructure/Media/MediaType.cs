namespace Conversations.Infrastructure.Media;

/// <summary>A file type as read from the file's first bytes: its MIME type, usual extension and kind.</summary>
/// <param name="Kind"><c>image</c>, <c>audio</c>, <c>video</c> or <c>document</c>, as WhatsApp sorts media.</param>
public sealed record MediaType(string MimeType, string Extension, string Kind);
