namespace Conversations.Infrastructure.Assistant;

/// <param name="CostMicros">In millionths of a US dollar.</param>
public sealed record AssistantTurnView(
    Guid Id, string Engine, string? Model, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Outcome, string FlowBefore, string FlowAfter,
    string? Draft, IReadOnlyList<Guid> MessageIds, long InputTokens, long OutputTokens, long CostMicros, int ToolCalls, string? Error);
