namespace Conversations.Infrastructure.Media;

/// <summary>Where a stored file came from (<c>media_files.source</c>).</summary>
public static class MediaSources
{
    /// <summary>A customer sent it over WhatsApp; fetched from the provider.</summary>
    public const string WhatsApp = "whatsapp";

    /// <summary>An employee uploaded it (<c>POST /api/media</c>).</summary>
    public const string Upload = "upload";
}
