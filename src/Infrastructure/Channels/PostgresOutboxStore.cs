using Conversations.Grains.Channels;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

public sealed class PostgresOutboxStore(TenantDatabase database) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(
        string channelKey, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        // SKIP LOCKED keeps two claimers (a grain and its stale twin during a membership change) from
        // taking the same rows; the lease keeps a crashed claimer's rows from being stuck forever.
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH due AS (
                SELECT message_id FROM outbox
                WHERE channel_key = @channel AND next_attempt_at <= @now
                  AND (leased_until IS NULL OR leased_until <= @now)
                ORDER BY next_attempt_at, created_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE outbox o SET leased_until = @lease
                FROM due WHERE o.message_id = due.message_id
                RETURNING o.message_id, o.business_id, o.conversation_id, o.attempts)
            SELECT c.message_id, c.business_id, c.conversation_id, v.customer_wa_id, m.content, m.kind, m.body, c.attempts, m.direction
            FROM claimed c
            JOIN messages m ON m.id = c.message_id
            JOIN conversations v ON v.id = c.conversation_id
            ORDER BY m.conversation_id, m.sequence
            """, connection);
        command.Parameters.AddWithValue("channel", channelKey);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("lease", leaseUntil.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);

        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var content = reader.IsDBNull(4)
                ? new Grains.Interfaces.Models.MessageContent(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6))
                : MessageContentJson.Deserialize(reader.GetString(4));
            items.Add(new OutboxItem(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), content, reader.GetInt32(7),
                reader.GetString(8) == "inbound" ? Grains.Interfaces.Models.MessageDirection.Inbound : Grains.Interfaces.Models.MessageDirection.Outbound));
        }

        return items;
    }

    public async Task RescheduleAsync(
        Guid messageId, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE outbox SET attempts = @attempts, next_attempt_at = @next, leased_until = NULL, last_error = @error
            WHERE message_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("next", nextAttemptAt.ToUniversalTime());
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(string channelKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT min(GREATEST(next_attempt_at, COALESCE(leased_until, next_attempt_at))) FROM outbox WHERE channel_key = @channel
            """, connection);
        command.Parameters.AddWithValue("channel", channelKey);
        var next = await command.ExecuteScalarAsync(cancellationToken);
        return next is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task<IReadOnlyList<string>> ChannelsWithQueuedMessagesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT DISTINCT channel_key FROM outbox", connection);
        var channels = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(reader.GetString(0));
        }

        return channels;
    }
}
