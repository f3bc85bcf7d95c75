using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One customer's thread with one business, keyed by <see cref="ConversationIds.For"/>. It processes that
/// customer's messages strictly in order and owns the conversation's mode, its 24-hour window and the
/// delivery of what the business sends.
/// </summary>
public interface IConversationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores a message the customer sent (or attaches a reaction to the message it reacts to), then
    /// announces it on the business's stream. Idempotent on <see cref="InboundMessage.ProviderMessageId"/>:
    /// a redelivered message is reported as a duplicate and stored nowhere twice. Completes only once the
    /// message is durable.
    /// </summary>
    Task<MessageAcceptance> ReceiveAsync(InboundMessage message);

    /// <summary>Moves an outbound message's delivery state forward; out-of-order reports never move it back.</summary>
    Task ApplyDeliveryStatusAsync(DeliveryStatusUpdate status);

    /// <summary>
    /// Queues a message to the customer in the durable outbox and returns it as stored (delivery state
    /// <see cref="DeliveryState.Queued"/>). Idempotent on <see cref="OutboundMessage.ClientMessageId"/>.
    /// Outside the 24-hour window only a template is accepted.
    /// </summary>
    Task<SendOutcome> SendAsync(OutboundMessage message);

    /// <summary>Called by the outbox once the provider accepted a message, or refused it for good.</summary>
    Task RecordSendResultAsync(Guid messageId, ProviderSendResult result);

    /// <summary>
    /// Called by the outbox once a customer's media was fetched into the media store (or can never be):
    /// links it to its message and tells agents.
    /// </summary>
    Task RecordMediaAsync(Guid messageId, Guid? storedMediaId);

    /// <summary>The conversation as it stands, or <c>null</c> when no message was ever received.</summary>
    Task<ConversationSnapshot?> GetSnapshotAsync();
}
