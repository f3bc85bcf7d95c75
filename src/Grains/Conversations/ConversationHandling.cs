using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>The inbox columns of a conversation's row, and the history entry of a change of hands.</summary>
/// <param name="Handover">Set when the conversation changed hands: what happened, by whom, from and to whom.</param>
public sealed record ConversationHandling(
    Guid ConversationId,
    Guid BusinessId,
    ConversationMode Mode,
    ConversationStatus Status,
    Guid? AssigneeId,
    IReadOnlyList<string> Labels,
    DateTimeOffset? SnoozedUntil,
    Handover? Handover);
