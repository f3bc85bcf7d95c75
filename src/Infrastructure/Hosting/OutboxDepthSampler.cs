using Conversations.Grains.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Hosting;

/// <summary>Counts the outbox now and then for the <c>conversations.outbox.depth</c> gauge (a gauge callback must not query the database).</summary>
public sealed partial class OutboxDepthSampler(
    NpgsqlDataSource dataSource, ConversationsMetrics metrics, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<OutboxDepthSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxSampleInterval, time);
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox");
                metrics.OutboxDepthIs((long)(await command.ExecuteScalarAsync(stoppingToken))!);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogSampleFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not count the outbox for its gauge")]
    private partial void LogSampleFailed(Exception exception);
}
