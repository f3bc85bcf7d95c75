namespace Conversations.Grains.Interfaces.Models;

/// <summary>The business's opening hours (local wall-clock times in <see cref="TimeZone"/>), as automation and SLAs read them.</summary>
[GenerateSerializer, Immutable, Alias("automation.BusinessHours")]
public sealed record BusinessHours(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyList<BusinessHoursInterval> Weekly,
    [property: Id(2)] IReadOnlyList<BusinessHoursException> Exceptions);
