using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Conversations;

/// <summary>A conversation as the inbox lists it.</summary>
public sealed record ConversationSummary(
    Guid Id,
    CustomerSummary Customer,
    string Mode,
    string Status,
    Guid? AssigneeId,
    IReadOnlyList<string> Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastMessageAt,
    long LastSequence,
    long LastReadSequence,
    DateTimeOffset? SnoozedUntil,
    int UnreadCount,
    MessageView? LastMessage);
