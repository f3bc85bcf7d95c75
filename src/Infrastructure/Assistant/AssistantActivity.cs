namespace Conversations.Infrastructure.Assistant;

/// <summary>The assistant in one conversation: the draft on offer, the latest handoff summary, and its history.</summary>
public sealed record AssistantActivity(
    string? Draft,
    Guid? DraftTurnId,
    HandoffSummaryView? LatestHandoff,
    IReadOnlyList<HandoffSummaryView> Handoffs,
    IReadOnlyList<AssistantTurnView> Turns,
    IReadOnlyList<FlowTransitionView> Transitions);
