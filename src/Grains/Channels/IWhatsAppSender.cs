using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Channels;

/// <summary>
/// Hands one message to the provider behind a number (Meta Cloud API, Twilio, or the local outbox). Never
/// throws for a provider's answer: failures come back as transient or permanent results.
/// </summary>
public interface IWhatsAppSender
{
    Task<ProviderSendResult> SendAsync(
        string channelKey, Guid messageId, string recipientWaId, MessageContent content, CancellationToken cancellationToken);
}
