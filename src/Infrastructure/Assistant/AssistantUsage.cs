namespace Conversations.Infrastructure.Assistant;

/// <summary>The assistant's usage over a range of the business's local days, and its total.</summary>
public sealed record AssistantUsage(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<AssistantUsageDay> Days, AssistantUsageDay Total);
