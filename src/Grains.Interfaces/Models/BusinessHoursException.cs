namespace Conversations.Grains.Interfaces.Models;

/// <summary>A dated change to the weekly hours: closed all day when <see cref="Opens"/> is <c>null</c>.</summary>
[GenerateSerializer, Immutable, Alias("automation.BusinessHoursException")]
public sealed record BusinessHoursException(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] TimeOnly? Opens,
    [property: Id(2)] TimeOnly? Closes);
