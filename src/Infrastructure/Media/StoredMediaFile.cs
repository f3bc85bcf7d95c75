namespace Conversations.Infrastructure.Media;

/// <summary>A stored file's description; its bytes are read with <see cref="MediaStore.OpenReadAsync"/>.</summary>
/// <param name="Storage">Where the bytes are: <c>database</c> (files stored before migration 0020) or an <see cref="IMediaStorage"/>'s name.</param>
public sealed record StoredMediaFile(
    Guid Id,
    Guid BusinessId,
    string MimeType,
    string? FileName,
    long SizeBytes,
    string Sha256,
    string Source,
    Guid? UploadedBy,
    DateTimeOffset CreatedAt,
    string Storage,
    string? StorageKey)
{
    public string Kind => MediaKinds.Of(MimeType);
}
