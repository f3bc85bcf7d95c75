using Conversations.Grains.Integrations;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Integrations;

/// <summary>A business's webhook endpoints and their delivery logs, for the API. Every statement is scoped by business.</summary>
public sealed class WebhookEndpoints(TenantDatabase database, WebhookSecretProtector secrets, TimeProvider time)
{
    public const int MaxEndpointsPerBusiness = 20;

    private const string Columns =
        "id, url, description, event_types, is_enabled, disabled_at, disabled_reason, failing_since, created_at, updated_at";

    public async Task<long> CountAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM webhook_endpoints WHERE business_id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<WebhookEndpointView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM webhook_endpoints WHERE business_id = @b ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("b", businessId);
        var endpoints = new List<WebhookEndpointView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(Read(reader, null));
        }

        return endpoints;
    }

    public async Task<WebhookEndpointView?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM webhook_endpoints WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, null) : null;
    }

    /// <summary>Creates an enabled endpoint and starts the business's cursors (if not yet running) at this moment.</summary>
    public async Task<WebhookEndpointView> CreateAsync(
        Guid businessId, string url, string description, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO webhook_endpoints (id, business_id, url, description, event_types, secret, created_at, updated_at)
            VALUES (@id, @b, @url, @description, @types, @secret, @now, @now)
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("url", url);
        command.Parameters.AddWithValue("description", description);
        command.Parameters.AddWithValue("types", eventTypes.ToArray());
        command.Parameters.AddWithValue("secret", secrets.Protect(secret));
        command.Parameters.AddWithValue("now", now);
        WebhookEndpointView created;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            created = Read(reader, secret);
        }

        await PostgresWebhookStore.StartCursorsAsync(connection, transaction, businessId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Applies a change. Enabling clears the failure record and makes the endpoint's waiting deliveries due now;
    /// rotating returns the new secret once.
    /// </summary>
    public async Task<WebhookEndpointView?> UpdateAsync(Guid businessId, Guid id, WebhookEndpointChanges changes, CancellationToken cancellationToken)
    {
        var secret = changes.RotateSecret ? WebhookSignature.NewSecret() : null;
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE webhook_endpoints
            SET url = coalesce(@url, url),
                description = coalesce(@description, description),
                event_types = coalesce(@types, event_types),
                secret = coalesce(@secret, secret),
                is_enabled = coalesce(@enabled, is_enabled),
                disabled_at = CASE WHEN @enabled IS NULL THEN disabled_at WHEN @enabled THEN NULL
                                   WHEN is_enabled THEN @now ELSE disabled_at END,
                disabled_reason = CASE WHEN @enabled IS NULL THEN disabled_reason WHEN @enabled THEN NULL
                                       WHEN is_enabled THEN 'manual' ELSE disabled_reason END,
                failing_since = CASE WHEN @enabled THEN NULL ELSE failing_since END,
                updated_at = @now
            WHERE business_id = @b AND id = @id
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)changes.Url ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)changes.Description ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)changes.EventTypes?.ToArray() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("secret", NpgsqlDbType.Text) { Value = secret is null ? DBNull.Value : secrets.Protect(secret) });
        command.Parameters.Add(new NpgsqlParameter("enabled", NpgsqlDbType.Boolean) { Value = (object?)changes.Enabled ?? DBNull.Value });
        command.Parameters.AddWithValue("now", now);
        WebhookEndpointView? updated = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                updated = Read(reader, secret);
            }
        }

        if (updated is null)
        {
            return null;
        }

        if (changes.Enabled == true)
        {
            await using var due = new NpgsqlCommand(
                "UPDATE webhook_deliveries SET next_attempt_at = @now WHERE endpoint_id = @id AND next_attempt_at > @now", connection, transaction);
            due.Parameters.AddWithValue("id", id);
            due.Parameters.AddWithValue("now", now);
            await due.ExecuteNonQueryAsync(cancellationToken);
            await PostgresWebhookStore.StartCursorsAsync(connection, transaction, businessId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM webhook_endpoints WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The endpoint's deliveries, newest first; null when the endpoint is not the business's.</summary>
    public async Task<WebhookDeliveryPage?> DeliveriesAsync(Guid businessId, Guid id, int offset, int limit, CancellationToken cancellationToken)
    {
        if (await FindAsync(businessId, id, cancellationToken) is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, event_id, event_type, created_at, attempts, delivered_at, next_attempt_at, last_attempt_at,
                   last_status_code, last_duration_ms, last_error
            FROM webhook_deliveries
            WHERE business_id = @b AND endpoint_id = @id
            ORDER BY created_at DESC, id DESC
            OFFSET @offset LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<WebhookDeliveryView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var delivered = reader.IsDBNull(5) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(5);
            var attempts = reader.GetInt32(4);
            items.Add(new WebhookDeliveryView(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                delivered is not null ? "delivered" : attempts == 0 ? "pending" : "retrying",
                reader.GetFieldValue<DateTimeOffset>(3), attempts, delivered,
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return items.Count > limit
            ? new WebhookDeliveryPage(items[..limit], offset + limit)
            : new WebhookDeliveryPage(items, null);
    }

    /// <summary>Queues a <c>ping</c> to the endpoint, whatever it subscribes to; null when the endpoint is not the business's.</summary>
    public async Task<WebhookDeliveryView?> QueuePingAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        var eventId = $"ping_{Guid.CreateVersion7():N}";
        var now = time.GetUtcNow();
        var payload = PostgresWebhookStore.Envelope(
            businessId, WebhookEventTypes.Ping, eventId, now.UtcDateTime, $$"""{"endpointId":"{{id}}"}""");
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO webhook_deliveries (id, business_id, endpoint_id, event_id, event_type, payload, created_at, next_attempt_at)
            SELECT @delivery, @b, e.id, @event, @type, @payload, @now, @now
            FROM webhook_endpoints e WHERE e.business_id = @b AND e.id = @id
            """, connection);
        var deliveryId = Guid.CreateVersion7();
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("event", eventId);
        command.Parameters.AddWithValue("type", WebhookEventTypes.Ping);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 0
            ? null
            : new WebhookDeliveryView(deliveryId, eventId, WebhookEventTypes.Ping, "pending", now, 0, null, now, null, null, null, null);
    }

    private static WebhookEndpointView Read(NpgsqlDataReader reader, string? secret) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3),
        reader.GetBoolean(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        secret);
}
