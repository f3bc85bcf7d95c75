namespace Conversations.Cluster.Tests.Grains;

[GenerateSerializer, Alias("clustertests.ReminderProbeState")]
public sealed class ReminderProbeState
{
    [Id(0)] public List<ReminderTick> Ticks { get; set; } = [];
}
