namespace Conversations.Infrastructure.Media;

/// <summary>The kinds of media, as WhatsApp sorts them.</summary>
public static class MediaKinds
{
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Document = "document";

    public static IReadOnlyList<string> All { get; } = [Image, Audio, Video, Document];

    /// <summary>The kind of a MIME type: its top-level type for images, audio and video, else a document.</summary>
    public static string Of(string mimeType)
    {
        var top = mimeType.Split('/')[0].Trim().ToLowerInvariant();
        return top is Image or Audio or Video ? top : Document;
    }
}
