using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Payments;

/// <summary>The <c>payment_settings</c> row of a business; <see cref="PaymentSettings.Default"/> without one.</summary>
public sealed class PaymentSettingsStore(TenantDatabase database, TimeProvider time)
{
    public async Task<PaymentSettings> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT online_payments, refund_policy, refund_window_hours FROM payment_settings WHERE business_id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PaymentSettings(reader.GetBoolean(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2))
            : PaymentSettings.Default;
    }

    public async Task<PaymentSettings> SaveAsync(Guid businessId, PaymentSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO payment_settings (business_id, online_payments, refund_policy, refund_window_hours, updated_at)
            VALUES (@b, @online, @policy, @window, @now)
            ON CONFLICT (business_id) DO UPDATE SET online_payments = excluded.online_payments, refund_policy = excluded.refund_policy,
                refund_window_hours = excluded.refund_window_hours, updated_at = excluded.updated_at
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("online", settings.OnlinePayments);
        command.Parameters.AddWithValue("policy", settings.RefundPolicy);
        command.Parameters.Add(new NpgsqlParameter("window", NpgsqlDbType.Integer) { Value = (object?)settings.RefundWindowHours ?? DBNull.Value });
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return settings;
    }
}
