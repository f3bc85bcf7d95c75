namespace Conversations.Cluster.Tests.Grains;

[GenerateSerializer, Alias("clustertests.StorageProbeState")]
public sealed class StorageProbeState
{
    [Id(0)] public string? Text { get; set; }
}
