using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Automation;

/// <summary>A rule's validated fields; in a change, <c>null</c> keeps what is stored.</summary>
public sealed record AutomationRuleDraft(
    string? Name,
    string? Trigger,
    IReadOnlyList<AutomationCondition>? Conditions,
    IReadOnlyList<AutomationAction>? Actions,
    bool? Enabled);
