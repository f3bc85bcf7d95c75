namespace Conversations.Cluster.Tests.Grains;

/// <summary>One reminder delivery as <see cref="ReminderProbeGrain"/> recorded it.</summary>
[GenerateSerializer, Immutable, Alias("clustertests.ReminderTick")]
public sealed record ReminderTick(
    [property: Id(0)] string ReminderName,
    [property: Id(1)] string SiloAddress,
    [property: Id(2)] DateTimeOffset FiredAt);
