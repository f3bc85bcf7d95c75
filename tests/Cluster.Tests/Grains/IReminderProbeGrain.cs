namespace Conversations.Cluster.Tests.Grains;

/// <summary>A grain that records every reminder tick it receives, durably, with the silo it ran on.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task StopAsync(string reminderName);

    Task<ReminderTick[]> GetTicksAsync();
}
