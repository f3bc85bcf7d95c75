using Conversations.Infrastructure.Hosting;

namespace Conversations.Cluster.Tests.Grains;

/// <inheritdoc cref="IStorageProbeGrain"/>
public sealed class StorageProbeGrain(
    [PersistentState("probe", OrleansConfiguration.ConversationStorage)] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public Task WriteAsync(string text)
    {
        state.State.Text = text;
        return state.WriteStateAsync();
    }

    public Task<StorageProbeView> ReadAsync() =>
        Task.FromResult(new StorageProbeView(state.State.Text, state.RecordExists, state.Etag, activationId));

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
