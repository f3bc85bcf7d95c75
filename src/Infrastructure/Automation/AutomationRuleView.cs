using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Automation;

/// <summary>A rule as the API shows it; rules run in ascending <see cref="Position"/>.</summary>
public sealed record AutomationRuleView(
    Guid Id,
    string Name,
    string Trigger,
    IReadOnlyList<AutomationCondition> Conditions,
    IReadOnlyList<AutomationAction> Actions,
    int Position,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
