using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One customer's thread with one business, keyed by <see cref="ConversationIds.For"/>. It processes that
/// customer's messages strictly in order and owns the conversation's mode and flow state.
/// </summary>
public interface IConversationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores a message the customer sent, then announces it on the business's stream. Idempotent on
    /// <see cref="InboundMessage.ProviderMessageId"/>: a redelivered message is reported as a duplicate and
    /// stored nowhere twice. Completes only once the message is durable.
    /// </summary>
    Task<MessageAcceptance> ReceiveAsync(InboundMessage message);

    /// <summary>The conversation as it stands, or <c>null</c> when no message was ever received.</summary>
    Task<ConversationSnapshot?> GetSnapshotAsync();
}
