using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Media;

/// <summary>
/// Deletes the files of deleted <c>media_files</c> rows from their storage. The trigger on <c>media_files</c> queues
/// every removal in <c>media_removals</c> in the deleting transaction, whoever deletes (the media API, a customer's
/// erasure); this service works the queue every <see cref="MediaOptions.RemovalInterval"/> on every node, and at
/// once when the media API deletes a file. Nodes share the queue without taking the same rows twice.
/// </summary>
public sealed partial class MediaRemovals(
    TenantDatabase database, IMediaStorage storage, IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaRemovals> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    /// <summary>Deletes queued files until none is left; returns how many. A file that cannot be deleted stays queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var connection = await database.OpenSystemAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var claimed = new List<(long Id, string Storage, string Key)>();
            await using (var select = new NpgsqlCommand(
                "SELECT id, storage, storage_key FROM media_removals ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED", connection, transaction))
            {
                select.Parameters.AddWithValue("limit", BatchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var removed = new List<long>();
            foreach (var (id, kept, key) in claimed)
            {
                if (kept != storage.Name)
                {
                    LogUnknownStorage(id, kept);
                    continue;
                }

                try
                {
                    await storage.DeleteAsync(key, cancellationToken);
                    removed.Add(id);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    LogDeleteFailed(exception, id);
                }
            }

            await using (var delete = new NpgsqlCommand("DELETE FROM media_removals WHERE id = ANY(@ids)", connection, transaction))
            {
                delete.Parameters.AddWithValue("ids", removed.ToArray());
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            total += removed.Count;
            if (claimed.Count < BatchSize || removed.Count == 0)
            {
                return total;
            }
        }
    }

    /// <summary><see cref="SweepAsync"/> for a request that has already done its work: a failure is logged, and the next round retries.</summary>
    public async Task TrySweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            LogSweepFailed(exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RemovalInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await SweepAsync(stoppingToken) is > 0 and var count)
                {
                    LogRemoved(count);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} media files whose rows were deleted")]
    private partial void LogRemoved(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the file of media removal {RemovalId}; the next round retries")]
    private partial void LogDeleteFailed(Exception exception, long removalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media removal {RemovalId} is in storage {Storage}, which this node does not have")]
    private partial void LogUnknownStorage(long removalId, string storage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the files of deleted media failed; the next round retries")]
    private partial void LogSweepFailed(Exception exception);
}
