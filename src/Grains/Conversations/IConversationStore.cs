namespace Conversations.Grains.Conversations;

/// <summary>The conversations and messages tables, as conversation grains write and read them.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Durably appends a message and brings the conversation's row up to date. Returns <c>false</c>,
    /// changing nothing, when a message with the same provider message id is already stored.
    /// </summary>
    Task<bool> AppendAsync(StoredConversation conversation, StoredMessage message, CancellationToken cancellationToken = default);

    /// <summary>The end of a conversation's transcript: its last sequence number and newest provider ids.</summary>
    Task<ConversationTail> ReadTailAsync(Guid conversationId, int providerIds, CancellationToken cancellationToken = default);
}
