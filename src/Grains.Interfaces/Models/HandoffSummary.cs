namespace Conversations.Grains.Interfaces.Models;

/// <summary>What an agent is told when a conversation reaches the humans: why, what the customer wants, what happened.</summary>
[GenerateSerializer, Immutable, Alias("conv.HandoffSummary")]
public sealed record HandoffSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] string Reason,
    [property: Id(3)] string Intent,
    [property: Id(4)] string Summary,
    [property: Id(5)] FlowState FlowState,
    [property: Id(6)] DateTimeOffset At);
