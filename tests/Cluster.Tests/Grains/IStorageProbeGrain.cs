namespace Conversations.Cluster.Tests.Grains;

/// <summary>A grain whose only job is to write, read and clear one persisted value through the "conversations" storage.</summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task WriteAsync(string text);

    Task<StorageProbeView> ReadAsync();

    Task ClearAsync();

    /// <summary>Deactivates after this call, so the next call reads the state from storage again.</summary>
    Task DeactivateAsync();
}
