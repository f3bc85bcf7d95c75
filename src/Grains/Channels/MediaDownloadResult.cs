namespace Conversations.Grains.Channels;

/// <summary>A stored media id, or why there is none yet (transient) or ever (permanent).</summary>
public sealed record MediaDownloadResult(Guid? StoredMediaId, string? Error = null, bool IsPermanent = false)
{
    public static MediaDownloadResult Stored(Guid mediaId) => new(mediaId);

    public static MediaDownloadResult Transient(string error) => new(null, error);

    public static MediaDownloadResult Permanent(string error) => new(null, error, true);
}
