using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>The conversations, messages, reactions and outbox tables, as conversation grains write and read them.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Durably appends a message, brings the conversation's row up to date and, for an outbound message,
    /// queues it in the outbox in the same transaction. Returns <c>false</c>, changing nothing, when the
    /// message is already stored (same provider message id, or same id for an outbound message).
    /// </summary>
    Task<bool> AppendAsync(StoredConversation conversation, StoredMessage message, CancellationToken cancellationToken = default);

    /// <summary>The end of a conversation's transcript: its last sequence number and newest provider ids.</summary>
    Task<ConversationTail> ReadTailAsync(Guid conversationId, int providerIds, CancellationToken cancellationToken = default);

    /// <summary>One message of the conversation, or <c>null</c>.</summary>
    Task<MessageView?> ReadMessageAsync(Guid conversationId, Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the delivery state of the conversation's outbound message with that provider id forward (never
    /// back; <see cref="DeliveryState.Failed"/> only before delivery). Returns the message when it changed.
    /// </summary>
    Task<MessageView?> AdvanceDeliveryAsync(
        Guid conversationId, string providerMessageId, DeliveryState state, DateTimeOffset at,
        string? errorCode, string? errorTitle, CancellationToken cancellationToken = default);

    /// <summary>Records the provider's acceptance (id, state sent) or final refusal, and takes the message out of the outbox.</summary>
    Task<MessageView?> CompleteSendAsync(
        Guid conversationId, Guid messageId, ProviderSendResult result, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Writes the conversation's inbox columns and, for a change of hands, its history entry.</summary>
    Task SaveHandlingAsync(ConversationHandling handling, CancellationToken cancellationToken = default);

    /// <summary>Stores a customer's rating; <c>false</c> when that reply was already counted.</summary>
    Task<bool> RecordRatingAsync(Guid businessId, Guid conversationId, Guid? employeeId, int rating, string providerMessageId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Adds the customer's comment to their latest rating of the conversation.</summary>
    Task AddRatingCommentAsync(Guid conversationId, string comment, CancellationToken cancellationToken = default);

    /// <summary>Links fetched media to its message (when there is any) and takes the fetch out of the outbox.</summary>
    Task<MessageView?> CompleteMediaAsync(Guid conversationId, Guid messageId, Guid? storedMediaId, CancellationToken cancellationToken = default);

    /// <summary>Attaches a voice note's transcript (or why there is none) to its message and records its duration and cost.</summary>
    Task<MessageView?> CompleteTranscriptAsync(
        Guid businessId, Guid conversationId, Guid messageId, VoiceTranscription transcription, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or with an empty emoji removes) a reactor's reaction on the conversation's message with that
    /// provider id. Returns the reacted-to message, or <c>null</c> when it is unknown or the reaction was
    /// already recorded.
    /// </summary>
    Task<MessageView?> SetReactionAsync(
        Guid businessId, Guid conversationId, string reactor, ReactionMark reaction, string reactionProviderMessageId,
        DateTimeOffset at, CancellationToken cancellationToken = default);
}
