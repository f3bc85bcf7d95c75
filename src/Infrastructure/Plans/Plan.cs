namespace Conversations.Infrastructure.Plans;

/// <summary>A plan of the catalog; a null limit is no limit, a null price a plan sold on request.</summary>
public sealed record Plan(string Id, string Name, int? Agents, int? AiConversationsPerMonth, PlanPrice? MonthlyPrice = null);
