using Conversations.Grains.Bookings;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Payments;

/// <summary>The <c>payments</c> rows of bookings: the Checkout Sessions made for them and what became of each.</summary>
public sealed class BookingPayments(TenantDatabase database)
{
    private const string ViewColumns =
        "id, booking_id, status, amount_minor, currency, url, expires_at, created_at, paid_at, refunded_at, refunded_minor";

    /// <summary>The booking with its service's price; null when the business has no such booking.</summary>
    public async Task<PayableBooking?> FindPayableAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT b.id, b.status, b.starts_at, b.paid_at, s.name, s.price_minor, s.currency
              FROM bookings b JOIN services s ON s.id = b.service_id
             WHERE b.business_id = @b AND b.id = @id
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PayableBooking(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetInt64(5), reader.GetString(6).Trim())
            : null;
    }

    /// <summary>The booking's newest pending session that stays open until at least <paramref name="openUntil"/>.</summary>
    public async Task<PaymentView?> FindOpenAsync(Guid businessId, Guid bookingId, DateTimeOffset openUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
             SELECT {ViewColumns} FROM payments
              WHERE business_id = @b AND booking_id = @booking AND status = 'pending' AND expires_at > @until
              ORDER BY created_at DESC LIMIT 1
             """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("booking", bookingId);
        command.Parameters.AddWithValue("until", openUntil.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadView(reader) : null;
    }

    /// <summary>How many sessions were ever made for the booking: the generation of the next one's idempotency key.</summary>
    public async Task<long> CountAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM payments WHERE booking_id = @booking", connection);
        command.Parameters.AddWithValue("booking", bookingId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Stores a new session, once: a retried request that Stripe answered with the same session (same idempotency
    /// key) finds its row. Older pending sessions that will have expired are marked so.
    /// </summary>
    public async Task<PaymentView> AddAsync(
        Guid businessId, Guid bookingId, string sessionId, long amountMinor, string currency, string url, DateTimeOffset expiresAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var expire = new NpgsqlCommand(
            "UPDATE payments SET status = 'expired' WHERE booking_id = @booking AND status = 'pending' AND expires_at <= @now AND stripe_session_id <> @session",
            connection, transaction))
        {
            expire.Parameters.AddWithValue("booking", bookingId);
            expire.Parameters.AddWithValue("now", now.ToUniversalTime());
            expire.Parameters.AddWithValue("session", sessionId);
            await expire.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO payments (id, business_id, booking_id, stripe_session_id, amount_minor, currency, url, expires_at, created_at)
            VALUES (@id, @b, @booking, @session, @amount, @currency, @url, @expires, @now)
            ON CONFLICT (stripe_session_id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("b", businessId);
            insert.Parameters.AddWithValue("booking", bookingId);
            insert.Parameters.AddWithValue("session", sessionId);
            insert.Parameters.AddWithValue("amount", amountMinor);
            insert.Parameters.AddWithValue("currency", currency);
            insert.Parameters.AddWithValue("url", url);
            insert.Parameters.AddWithValue("expires", expiresAt.ToUniversalTime());
            insert.Parameters.AddWithValue("now", now.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        PaymentView view;
        await using (var select = new NpgsqlCommand($"SELECT {ViewColumns} FROM payments WHERE stripe_session_id = @session", connection, transaction))
        {
            select.Parameters.AddWithValue("session", sessionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            view = ReadView(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return view;
    }

    /// <summary>The booking's sessions, newest first; null when the business has no such booking.</summary>
    public async Task<IReadOnlyList<PaymentView>?> ListAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM bookings WHERE business_id = @b AND id = @id", connection))
        {
            exists.Parameters.AddWithValue("b", businessId);
            exists.Parameters.AddWithValue("id", bookingId);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand(
            $"SELECT {ViewColumns} FROM payments WHERE business_id = @b AND booking_id = @booking ORDER BY created_at DESC", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("booking", bookingId);
        var list = new List<PaymentView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadView(reader));
        }

        return list;
    }

    /// <summary>The booking's paid (not yet refunded) sessions.</summary>
    public async Task<IReadOnlyList<PaidPayment>> PaidAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, booking_id, payment_intent_id, amount_minor, currency FROM payments
             WHERE business_id = @b AND booking_id = @booking AND status = 'paid' AND payment_intent_id IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("booking", bookingId);
        var list = new List<PaidPayment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PaidPayment(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4).Trim()));
        }

        return list;
    }

    /// <summary>Records a refund Stripe accepted, with the booking's history; false when it was already recorded.</summary>
    public async Task<bool> MarkRefundedAsync(
        Guid businessId, PaidPayment payment, string refundId, long amountMinor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand(
            """
            UPDATE payments SET status = 'refunded', refunded_at = @now, refund_id = @refund, refunded_minor = @amount
             WHERE id = @id AND status = 'paid'
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", payment.Id);
            update.Parameters.AddWithValue("now", now.ToUniversalTime());
            update.Parameters.AddWithValue("refund", refundId);
            update.Parameters.AddWithValue("amount", amountMinor);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await RecordAsync(connection, transaction, businessId, payment.BookingId, "refunded", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A <c>booking_events</c> row for a payment (actor <c>system</c>; the booking's status does not change).</summary>
    public static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid bookingId, string change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO booking_events (booking_id, business_id, at, actor, employee_id, change, from_status, to_status, starts_at)
            SELECT id, business_id, @now, @actor, NULL, @change, status, status, starts_at FROM bookings WHERE business_id = @b AND id = @booking
            """, connection, transaction);
        command.Parameters.AddWithValue("booking", bookingId);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("actor", BookingActor.System.Kind);
        command.Parameters.AddWithValue("change", change);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static PaymentView ReadView(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetInt64(3),
        reader.GetString(4).Trim(),
        reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetInt64(10));
}
