namespace Conversations.Cluster.Tests.Grains;

/// <summary>What a <see cref="IStorageProbeGrain"/> activation holds.</summary>
/// <param name="ActivationId">New for every activation: tells a reactivation from the same activation.</param>
[GenerateSerializer, Immutable, Alias("clustertests.StorageProbeView")]
public sealed record StorageProbeView(
    [property: Id(0)] string? Text,
    [property: Id(1)] bool RecordExists,
    [property: Id(2)] string? ETag,
    [property: Id(3)] Guid ActivationId);
