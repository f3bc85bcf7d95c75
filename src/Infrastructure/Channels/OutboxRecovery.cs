using Conversations.Grains.Channels;
using Conversations.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// When a node has started, wakes the outbox of every number with queued messages, so sending resumes at
/// once after a restart instead of at the next reminder tick.
/// </summary>
public sealed partial class OutboxRecovery(
    IOutboxStore outbox, IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<OutboxRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = WakeAllAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WakeAllAsync()
    {
        try
        {
            foreach (var channelKey in await outbox.ChannelsWithQueuedMessagesAsync(lifetime.ApplicationStopping))
            {
                await grains.GetGrain<IChannelOutboxGrain>(channelKey).WakeAsync();
            }
        }
        catch (Exception exception) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The outboxes' reminders still bring them back within a minute.
            LogWakeFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the outboxes after start-up")]
    private partial void LogWakeFailed(Exception exception);
}
