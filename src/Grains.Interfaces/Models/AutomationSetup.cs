namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// What a business's conversation grains need for automation, loaded once and cached by the business grain: the
/// enabled rules and SLA policies in order, the opening hours, and who hears of a breach nobody holds (owners, admins).
/// </summary>
[GenerateSerializer, Immutable, Alias("automation.Setup")]
public sealed record AutomationSetup(
    [property: Id(0)] IReadOnlyList<AutomationRule> Rules,
    [property: Id(1)] IReadOnlyList<SlaPolicy> SlaPolicies,
    [property: Id(2)] BusinessHours Hours,
    [property: Id(3)] IReadOnlyList<Guid> Supervisors)
{
    public static readonly AutomationSetup Empty = new([], [], new BusinessHours("UTC", [], []), []);
}
