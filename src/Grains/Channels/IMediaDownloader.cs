using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Channels;

/// <summary>
/// Fetches a customer's media from the provider behind a number and keeps it in the media store. Never
/// throws for a provider's answer: failures come back as transient or permanent results.
/// </summary>
public interface IMediaDownloader
{
    Task<MediaDownloadResult> DownloadAsync(string channelKey, Guid businessId, MediaAttachment media, CancellationToken cancellationToken);
}
