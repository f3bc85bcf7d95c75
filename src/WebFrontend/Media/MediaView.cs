using Conversations.Infrastructure.Media;

namespace Conversations.WebFrontend.Media;

/// <summary>A stored file as the API shows it; <see cref="Url"/> serves it to the business's employees only.</summary>
public sealed record MediaView(
    Guid Id, string MimeType, string Kind, string? FileName, long SizeBytes, string Source, Guid? UploadedBy, DateTimeOffset CreatedAt, string Url)
{
    public static MediaView From(StoredMediaFile file) => new(
        file.Id, file.MimeType, file.Kind, file.FileName, file.SizeBytes, file.Source, file.UploadedBy, file.CreatedAt, $"/api/media/{file.Id}");
}
