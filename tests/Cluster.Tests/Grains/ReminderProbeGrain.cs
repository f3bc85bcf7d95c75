using Conversations.Infrastructure.Hosting;

namespace Conversations.Cluster.Tests.Grains;

/// <inheritdoc cref="IReminderProbeGrain"/>
public sealed class ReminderProbeGrain(
    [PersistentState("ticks", OrleansConfiguration.ConversationStorage)] IPersistentState<ReminderProbeState> state,
    ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task StopAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"No reminder named {reminderName}.");
        await this.UnregisterReminder(reminder);
    }

    public Task<ReminderTick[]> GetTicksAsync() => Task.FromResult(state.State.Ticks.ToArray());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks.Add(new ReminderTick(reminderName, silo.SiloAddress.ToParsableString(), DateTimeOffset.UtcNow));
        await state.WriteStateAsync();
    }
}
