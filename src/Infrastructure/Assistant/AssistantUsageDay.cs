namespace Conversations.Infrastructure.Assistant;

/// <param name="Day">The local date; null for a total.</param>
/// <param name="CostMicros">In millionths of a US dollar.</param>
/// <param name="Messages">Messages the assistant sent.</param>
public sealed record AssistantUsageDay(
    DateOnly? Day, long Turns, long InputTokens, long OutputTokens, long CostMicros, long Handoffs, long Conversations, long Messages);
