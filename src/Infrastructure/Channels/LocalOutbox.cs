using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// The built-in channel of a business without sending credentials: "sending" records the message in
/// <c>local_outbox</c>, which <c>GET /api/outbox</c> and the dashboard show.
/// </summary>
public sealed class LocalOutbox(TenantDatabase database)
{
    public async Task<ProviderSendResult> SendAsync(
        Guid businessId, Guid messageId, string recipientWaId, MessageContent content, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO local_outbox (business_id, message_id, recipient, kind, body, content)
            VALUES (@business, @message, @recipient, @kind, @body, @content::jsonb)
            ON CONFLICT (message_id) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("message", messageId);
        command.Parameters.AddWithValue("recipient", recipientWaId);
        command.Parameters.AddWithValue("kind", content.Kind);
        command.Parameters.AddWithValue("body", (object?)content.Text ?? DBNull.Value);
        command.Parameters.AddWithValue("content", MessageContentJson.Serialize(content));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ProviderSendResult.Sent($"local.{messageId:N}");
    }

    /// <summary>The business's newest local deliveries, newest first, before the cursor when given.</summary>
    public async Task<IReadOnlyList<LocalDelivery>> ListAsync(Guid businessId, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, message_id, recipient, kind, body, sent_at FROM local_outbox
            WHERE business_id = @business AND id < @before
            ORDER BY id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("before", before ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);
        var deliveries = new List<LocalDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new LocalDelivery(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return deliveries;
    }
}
