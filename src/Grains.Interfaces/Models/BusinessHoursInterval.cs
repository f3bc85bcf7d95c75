namespace Conversations.Grains.Interfaces.Models;

/// <summary>Open from <see cref="Opens"/> to <see cref="Closes"/> on an ISO weekday (1 = Monday … 7 = Sunday).</summary>
[GenerateSerializer, Immutable, Alias("automation.BusinessHoursInterval")]
public sealed record BusinessHoursInterval(
    [property: Id(0)] int Weekday,
    [property: Id(1)] TimeOnly Opens,
    [property: Id(2)] TimeOnly Closes);
