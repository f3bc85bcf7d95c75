using Conversations.Grains.Channels;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Routes a send to the provider of its number. A number without sending credentials (and the
/// <c>local:</c> channel of a business with no number) delivers to the local outbox, so the product works
/// end to end offline.
/// </summary>
public sealed class WhatsAppSender(
    WhatsAppChannelDirectory channels,
    MetaCloudApiClient meta,
    TwilioMessaging twilio,
    LocalOutbox local) : IWhatsAppSender
{
    public async Task<ProviderSendResult> SendAsync(
        string channelKey, Guid messageId, string recipientWaId, MessageContent content, CancellationToken cancellationToken)
    {
        var (provider, address) = ChannelKeys.Parse(channelKey);
        if (provider == ChannelKeys.Local)
        {
            return await local.SendAsync(Guid.ParseExact(address, "N"), messageId, recipientWaId, content, cancellationToken);
        }

        var channel = await channels.FindByChannelKeyAsync(channelKey, cancellationToken);
        if (channel is null)
        {
            return ProviderSendResult.Permanent("channel_removed", "The number this conversation uses is no longer configured.");
        }

        return channel.Provider switch
        {
            ChannelKeys.Meta when !string.IsNullOrEmpty(channel.Secrets.AccessToken) =>
                await meta.SendAsync(channel, recipientWaId, content, cancellationToken),
            ChannelKeys.Twilio when !string.IsNullOrEmpty(channel.Secrets.AuthToken) && channel.TwilioAccountSid is not null =>
                await twilio.SendAsync(channel, recipientWaId, content, cancellationToken),
            _ => await local.SendAsync(channel.BusinessId, messageId, recipientWaId, content, cancellationToken),
        };
    }
}
