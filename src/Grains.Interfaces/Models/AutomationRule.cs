namespace Conversations.Grains.Interfaces.Models;

/// <summary>An enabled rule as conversation grains run it: on its trigger, when every condition holds, its actions in order.</summary>
[GenerateSerializer, Immutable, Alias("automation.Rule")]
public sealed record AutomationRule(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Trigger,
    [property: Id(3)] IReadOnlyList<AutomationCondition> Conditions,
    [property: Id(4)] IReadOnlyList<AutomationAction> Actions);
