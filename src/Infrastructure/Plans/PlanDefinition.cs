namespace Conversations.Infrastructure.Plans;

/// <summary>One plan's name and limits, as configured; a limit left empty is no limit.</summary>
public sealed class PlanDefinition
{
    public string? Name { get; set; }

    /// <summary>Employees a business may have (owner included, invitations pending included).</summary>
    public int? Agents { get; set; }

    /// <summary>Conversations the assistant may answer per calendar month (UTC).</summary>
    public int? AiConversationsPerMonth { get; set; }
}
