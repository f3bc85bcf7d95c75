using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>A conversation's row in the conversations table.</summary>
public sealed record StoredConversation(
    Guid Id,
    Guid BusinessId,
    string CustomerWaId,
    string? CustomerName,
    ConversationMode Mode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastCustomerMessageAt);
