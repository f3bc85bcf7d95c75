using Conversations.Grains.Channels;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Media;

namespace Conversations.Infrastructure.Channels;

/// <summary>Fetches a customer's media with the number's own credentials and keeps it in the media store, like uploads.</summary>
public sealed class MediaDownloader(
    WhatsAppChannelDirectory channels, MetaCloudApiClient meta, TwilioMessaging twilio, MediaStore store) : IMediaDownloader
{
    public async Task<MediaDownloadResult> DownloadAsync(
        string channelKey, Guid businessId, MediaAttachment media, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByChannelKeyAsync(channelKey, cancellationToken);
        if (channel is null || channel.BusinessId != businessId || media.ProviderMediaId is null)
        {
            return MediaDownloadResult.Permanent("The number this media arrived on is no longer configured.");
        }

        var fetched = channel.Provider switch
        {
            ChannelKeys.Meta when !string.IsNullOrEmpty(channel.Secrets.AccessToken) =>
                await meta.FetchMediaAsync(channel, media.ProviderMediaId, cancellationToken),
            ChannelKeys.Twilio when !string.IsNullOrEmpty(channel.Secrets.AuthToken) =>
                await twilio.FetchMediaAsync(channel, media.ProviderMediaId, cancellationToken),
            _ => new ProviderMedia(null, null, "The number has no credentials to fetch media with.", IsPermanent: true),
        };

        if (fetched.Bytes is null)
        {
            return fetched.IsPermanent
                ? MediaDownloadResult.Permanent(fetched.Error ?? "The provider refused the media.")
                : MediaDownloadResult.Transient(fetched.Error ?? "The provider did not return the media.");
        }

        // The type is read from the bytes where they tell it; the provider's word (the sender's) only where they do not.
        var mimeType = MediaSniffer.Sniff(fetched.Bytes.AsSpan(0, Math.Min(fetched.Bytes.Length, MediaSniffer.HeadLength)))?.MimeType
            ?? fetched.MimeType ?? media.MimeType ?? "application/octet-stream";
        await using var content = new MemoryStream(fetched.Bytes, writable: false);
        var stored = await store.SaveAsync(new NewMedia(businessId, mimeType, media.FileName, MediaSources.WhatsApp, null), content, cancellationToken);
        return MediaDownloadResult.Stored(stored.Id);
    }
}
