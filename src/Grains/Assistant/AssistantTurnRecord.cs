using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>One assistant turn as recorded for agents, analytics and billing.</summary>
/// <param name="Outcome"><c>sent</c>, <c>drafted</c> (finished after a takeover), <c>handoff</c> or <c>superseded</c>.</param>
/// <param name="MessageIds">The messages the turn sent, which its tokens and cost belong to.</param>
public sealed record AssistantTurnRecord(
    Guid TurnId,
    Guid BusinessId,
    Guid ConversationId,
    string Engine,
    string? Model,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Outcome,
    FlowState Before,
    FlowState After,
    string? ReplyText,
    IReadOnlyList<Guid> MessageIds,
    TurnUsage Usage,
    string? Error);
