using Conversations.Grains.Observability;
using System.Threading.Channels;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Records webhook deliveries in <c>webhook_logs</c> off the request path: entries are queued and written
/// in batches, so logging never slows or fails an acknowledgement.
/// </summary>
public sealed partial class WebhookLog : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private readonly TenantDatabase database;
    private readonly ILogger<WebhookLog> logger;
    private readonly Channel<WebhookLogEntry> pending = Channel.CreateBounded<WebhookLogEntry>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    private readonly Task writer;

    private readonly ConversationsMetrics metrics;

    public WebhookLog(TenantDatabase database, ConversationsMetrics metrics, ILogger<WebhookLog> logger)
    {
        this.database = database;
        this.metrics = metrics;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    public void Record(WebhookLogEntry entry)
    {
        if (entry.StatusCode >= 400)
        {
            metrics.WebhookRejected(entry.Provider, entry.Outcome);
        }

        pending.Writer.TryWrite(entry);
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<WebhookLogEntry>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await using var connection = await database.OpenSystemAsync(CancellationToken.None);
                await using var command = new NpgsqlCommand("""
                    INSERT INTO webhook_logs (provider, business_id, status_code, outcome, reason, messages, statuses, duration_ms)
                    SELECT * FROM unnest(@provider, @business, @status, @outcome, @reason, @messages, @statuses, @duration)
                    """, connection);
                command.Parameters.Add(ArrayParameter.Of("provider", NpgsqlDbType.Text, batch.Select(e => e.Provider)));
                command.Parameters.Add(ArrayParameter.Of("business", NpgsqlDbType.Uuid, batch.Select(e => e.BusinessId)));
                command.Parameters.Add(ArrayParameter.Of("status", NpgsqlDbType.Integer, batch.Select(e => e.StatusCode)));
                command.Parameters.Add(ArrayParameter.Of("outcome", NpgsqlDbType.Text, batch.Select(e => e.Outcome)));
                command.Parameters.Add(ArrayParameter.Of("reason", NpgsqlDbType.Text, batch.Select(e => e.Reason)));
                command.Parameters.Add(ArrayParameter.Of("messages", NpgsqlDbType.Integer, batch.Select(e => e.Messages)));
                command.Parameters.Add(ArrayParameter.Of("statuses", NpgsqlDbType.Integer, batch.Select(e => e.Statuses)));
                command.Parameters.Add(ArrayParameter.Of("duration", NpgsqlDbType.Integer, batch.Select(e => (int)Math.Min(int.MaxValue, e.Duration.TotalMilliseconds))));
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception exception)
            {
                LogWriteFailed(exception, batch.Count);
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {Count} webhook log entries")]
    private partial void LogWriteFailed(Exception exception, int count);
}
