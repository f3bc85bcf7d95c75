namespace Conversations.Infrastructure.Plans;

/// <summary>A limit of the business's plan that a request would go beyond.</summary>
/// <param name="Limit">The limit's name as the API shows it: <c>agents</c>, <c>aiConversationsPerMonth</c>.</param>
public sealed record PlanLimitRefusal(string Limit, Plan Plan, long Used, int Allowed, string Message);
