using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// A test message from a newly connected number to the owner's own phone, sent straight through the provider (no
/// conversation, no outbox): on Meta the Cloud API's sample template <c>hello_world</c>, since a business may only start
/// a conversation with a template; on Twilio a plain text.
/// </summary>
public sealed class WhatsAppTestMessages(MetaCloudApiClient meta, TwilioMessaging twilio)
{
    public const string MetaTemplate = "hello_world";
    public const string MetaTemplateLanguage = "en_US";
    public const string TwilioText = "Conversations test message: your WhatsApp number is connected and can send messages.";

    /// <summary>Whether the number has the credentials to send through its provider (otherwise it only delivers locally).</summary>
    public static bool CanSend(WhatsAppChannel channel) => channel.Provider switch
    {
        ChannelKeys.Meta => !string.IsNullOrEmpty(channel.Secrets.AccessToken),
        ChannelKeys.Twilio => !string.IsNullOrEmpty(channel.Secrets.AuthToken) && channel.TwilioAccountSid is not null,
        _ => false,
    };

    /// <param name="recipientWaId">The recipient's number, digits only (E.164 without the plus).</param>
    public Task<ProviderSendResult> SendAsync(WhatsAppChannel channel, string recipientWaId, CancellationToken cancellationToken) =>
        channel.Provider == ChannelKeys.Meta
            ? meta.SendAsync(
                channel, recipientWaId, new MessageContent("template", Template: new TemplateUse(MetaTemplate, MetaTemplateLanguage, [])), cancellationToken)
            : twilio.SendAsync(channel, recipientWaId, MessageContent.PlainText(TwilioText), cancellationToken);
}
