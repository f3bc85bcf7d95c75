using System.Text.Json.Nodes;
using Conversations.Grains.Integrations;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Integrations;

/// <inheritdoc cref="IWebhookStore"/>
public sealed class PostgresWebhookStore(TenantDatabase database) : IWebhookStore
{
    public async Task<bool> HasEnabledEndpointsAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE business_id = @b AND is_enabled)", connection);
        command.Parameters.AddWithValue("b", businessId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Starts every source's cursor at the database's now, unless it already has one.</summary>
    public static async Task StartCursorsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO webhook_cursors (business_id, source, at, last_id)
            SELECT @b, s.name, now(), s.zero FROM unnest(@names, @zeros) AS s(name, zero)
            ON CONFLICT (business_id, source) DO NOTHING
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("names", WebhookSources.All.Select(s => s.Name).ToArray());
        command.Parameters.AddWithValue("zeros", WebhookSources.All.Select(s => s.ZeroId).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CollectAsync(Guid businessId, TimeSpan settle, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await StartCursorsAsync(connection, transaction, businessId, cancellationToken);

        // Locking the cursors makes two collectors of one business (a duplicate activation for a moment) take turns.
        var cursors = new Dictionary<string, (DateTime At, string Id)>();
        await using (var read = new NpgsqlCommand(
            "SELECT source, at, last_id FROM webhook_cursors WHERE business_id = @b FOR UPDATE", connection, transaction))
        {
            read.Parameters.AddWithValue("b", businessId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                cursors[reader.GetString(0)] = (reader.GetDateTime(1), reader.GetString(2));
            }
        }

        var mostRead = 0;
        foreach (var source in WebhookSources.All)
        {
            var (at, id) = cursors[source.Name];
            var events = new List<(string Type, string EventId, DateTime CreatedAt, string Data)>();
            var rows = 0;
            string? lastKey = null;
            await using (var query = new NpgsqlCommand(source.Sql, connection, transaction))
            {
                query.Parameters.AddWithValue("b", businessId);
                query.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at });
                query.Parameters.AddWithValue("id", id);
                query.Parameters.AddWithValue("settle", settle);
                query.Parameters.AddWithValue("limit", batchSize);
                await using var reader = await query.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var rowAt = reader.GetDateTime(0);
                    var rowId = reader.GetString(1);
                    var key = $"{rowAt.Ticks}/{rowId}";
                    if (key != lastKey)
                    {
                        rows++;
                        lastKey = key;
                    }

                    (at, id) = (rowAt, rowId);
                    if (!reader.IsDBNull(2))
                    {
                        events.Add((reader.GetString(2), reader.GetString(3), reader.GetDateTime(4), reader.GetString(5)));
                    }
                }
            }

            if (rows == 0)
            {
                continue;
            }

            mostRead = Math.Max(mostRead, rows);
            if (events.Count > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (type, eventId, createdAt, data) in events)
                {
                    var insert = new NpgsqlBatchCommand("""
                        INSERT INTO webhook_deliveries (id, business_id, endpoint_id, event_id, event_type, payload, created_at, next_attempt_at)
                        SELECT gen_random_uuid(), @b, e.id, @event, @type, @payload, now(), now()
                        FROM webhook_endpoints e
                        WHERE e.business_id = @b AND e.is_enabled AND @type = ANY (e.event_types)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING
                        """);
                    insert.Parameters.AddWithValue("b", businessId);
                    insert.Parameters.AddWithValue("event", eventId);
                    insert.Parameters.AddWithValue("type", type);
                    insert.Parameters.AddWithValue("payload", Envelope(businessId, type, eventId, createdAt, data));
                    batch.BatchCommands.Add(insert);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var move = new NpgsqlCommand(
                "UPDATE webhook_cursors SET at = @at, last_id = @id WHERE business_id = @b AND source = @source", connection, transaction);
            move.Parameters.AddWithValue("b", businessId);
            move.Parameters.AddWithValue("source", source.Name);
            move.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at });
            move.Parameters.AddWithValue("id", id);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return mostRead;
    }

    /// <summary><c>{id, type, createdAt, businessId, data}</c>: built once, stored, and sent as is on every attempt.</summary>
    public static string Envelope(Guid businessId, string type, string eventId, DateTime createdAt, string data) =>
        new JsonObject
        {
            ["id"] = eventId,
            ["type"] = type,
            ["createdAt"] = new DateTimeOffset(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc)),
            ["businessId"] = businessId,
            ["data"] = JsonNode.Parse(data),
        }.ToJsonString();

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(
        Guid businessId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH due AS (
                SELECT d.id
                FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.business_id = @b AND d.next_attempt_at <= @now AND e.is_enabled
                ORDER BY d.next_attempt_at, d.created_at
                LIMIT @limit
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET next_attempt_at = @lease
            FROM due, webhook_endpoints e
            WHERE d.id = due.id AND e.id = d.endpoint_id
            RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret, d.created_at
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", leaseUntil);
        command.Parameters.AddWithValue("limit", limit);
        var claimed = new List<(DateTime CreatedAt, WebhookDelivery Delivery)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetDateTime(8), new WebhookDelivery(
                reader.GetGuid(0), businessId, reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetString(6), reader.GetString(7))));
        }

        return [.. claimed.OrderBy(c => c.CreatedAt).Select(c => c.Delivery)];
    }

    public async Task RecordAttemptAsync(
        WebhookDelivery delivery, WebhookSendResult result, DateTimeOffset attemptedAt, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(delivery.BusinessId, cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var record = new NpgsqlBatchCommand("""
            UPDATE webhook_deliveries
            SET attempts = attempts + 1, last_attempt_at = @at, last_status_code = @status, last_duration_ms = @ms,
                last_error = @error, next_attempt_at = @retry,
                delivered_at = CASE WHEN @ok THEN @at ELSE delivered_at END
            WHERE id = @id
            """);
        record.Parameters.AddWithValue("id", delivery.Id);
        record.Parameters.AddWithValue("at", attemptedAt);
        record.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Integer) { Value = (object?)result.StatusCode ?? DBNull.Value });
        record.Parameters.AddWithValue("ms", (int)Math.Min(int.MaxValue, result.Duration.TotalMilliseconds));
        record.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)Truncate(result.Error) ?? DBNull.Value });
        record.Parameters.Add(new NpgsqlParameter("retry", NpgsqlDbType.TimestampTz) { Value = (object?)retryAt ?? DBNull.Value });
        record.Parameters.AddWithValue("ok", result.Succeeded);
        batch.BatchCommands.Add(record);

        var endpoint = new NpgsqlBatchCommand("""
            UPDATE webhook_endpoints
            SET failing_since = CASE WHEN @ok THEN NULL ELSE coalesce(failing_since, @at) END
            WHERE id = @endpoint
            """);
        endpoint.Parameters.AddWithValue("endpoint", delivery.EndpointId);
        endpoint.Parameters.AddWithValue("at", attemptedAt);
        endpoint.Parameters.AddWithValue("ok", result.Succeeded);
        batch.BatchCommands.Add(endpoint);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DisabledWebhookEndpoint>> DisableFailingAsync(
        Guid businessId, DateTimeOffset failingBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH disabled AS (
                UPDATE webhook_endpoints
                SET is_enabled = false, disabled_at = @now, disabled_reason = 'failing', updated_at = @now
                WHERE business_id = @b AND is_enabled AND failing_since <= @before
                RETURNING id, url)
            SELECT d.id, d.url,
                   coalesce((SELECT array_agg(o.id) FROM employees o
                             WHERE o.business_id = @b AND o.role = 'owner' AND o.status = 'active'), '{}')
            FROM disabled d
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("before", failingBefore);
        var disabled = new List<DisabledWebhookEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            disabled.Add(new DisabledWebhookEndpoint(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<Guid[]>(2)));
        }

        return disabled;
    }

    public async Task ForgetCursorsIfIdleAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            DELETE FROM webhook_cursors
            WHERE business_id = @b AND NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE business_id = @b AND is_enabled)
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;
}
