namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// Targets for a conversation's first human reply and its resolution, in minutes (of business hours when
/// <see cref="BusinessHoursOnly"/>), with a warning at <see cref="WarningPercent"/> of the time. A policy with a
/// <see cref="Priority"/> applies to conversations of that priority only.
/// </summary>
[GenerateSerializer, Immutable, Alias("automation.SlaPolicy")]
public sealed record SlaPolicy(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Priority,
    [property: Id(3)] int FirstResponseMinutes,
    [property: Id(4)] int? ResolutionMinutes,
    [property: Id(5)] int WarningPercent,
    [property: Id(6)] bool BusinessHoursOnly);
