using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// The <c>subscriptions</c> and <c>invoices</c> rows. The API's writes are the owner's intentions; Stripe's
/// events, applied in the webhook's transaction, are the truth, and an event older than the last one applied
/// changes nothing (events may arrive out of order).
/// </summary>
public sealed class SubscriptionStore(TenantDatabase database, PlanCatalog plans, TimeProvider time)
{
    private const string Columns = "plan, status, stripe_customer_id, stripe_subscription_id, current_period_end, cancel_at_period_end";

    /// <summary>The business's subscription; the default plan's trial when it never subscribed.</summary>
    public async Task<SubscriptionView> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM subscriptions WHERE business_id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SubscriptionView(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetBoolean(5))
            : new SubscriptionView(plans.Default.Id, SubscriptionView.Trial, null, null, null, false);
    }

    /// <summary>The plan whose limits apply: the subscription's while it runs, else the default plan.</summary>
    public async Task<Plan> EffectivePlanAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(businessId, cancellationToken);
        return subscription.IsRunning ? plans.Find(subscription.Plan) ?? plans.Default : plans.Default;
    }

    /// <summary>Remembers the business's Stripe customer; the first one stored stays.</summary>
    public async Task<string> SetCustomerAsync(Guid businessId, string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO subscriptions (business_id, plan, status, stripe_customer_id, updated_at)
            VALUES (@b, @plan, @status, @customer, @now)
            ON CONFLICT (business_id) DO UPDATE SET stripe_customer_id = coalesce(subscriptions.stripe_customer_id, excluded.stripe_customer_id)
            RETURNING stripe_customer_id
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("plan", plans.Default.Id);
        command.Parameters.AddWithValue("status", SubscriptionView.Trial);
        command.Parameters.AddWithValue("customer", customerId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>What the owner asked Stripe for (a new plan, cancelling at the period's end), until Stripe's event confirms it.</summary>
    public async Task SetRequestedAsync(Guid businessId, string? plan, bool? cancelAtPeriodEnd, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE subscriptions SET plan = coalesce(@plan, plan), cancel_at_period_end = coalesce(@cancel, cancel_at_period_end), updated_at = @now
             WHERE business_id = @b
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("plan", NpgsqlDbType.Text) { Value = (object?)plan ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("cancel", NpgsqlDbType.Boolean) { Value = (object?)cancelAtPeriodEnd ?? DBNull.Value });
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InvoiceView>> ListInvoicesAsync(Guid businessId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, number, amount_due, amount_paid, currency, status, hosted_url, period_start, period_end, created_at
              FROM invoices WHERE business_id = @b ORDER BY created_at DESC, id LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<InvoiceView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new InvoiceView(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4).Trim(),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return list;
    }

    /// <summary>The business whose Stripe customer or subscription this is, for events that carry no metadata of ours.</summary>
    public static async Task<Guid?> FindBusinessAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string? customerId, string? subscriptionId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT business_id FROM subscriptions WHERE stripe_customer_id = @customer OR stripe_subscription_id = @subscription LIMIT 1",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlDbType.Text) { Value = (object?)customerId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("subscription", NpgsqlDbType.Text) { Value = (object?)subscriptionId ?? DBNull.Value });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    /// <summary>Applies a Stripe subscription's state, unless a newer event was applied already.</summary>
    public static async Task ApplySubscriptionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, string plan, StripeSubscriptionState state, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO subscriptions (business_id, plan, status, stripe_customer_id, stripe_subscription_id, current_period_end, cancel_at_period_end, stripe_event_at, updated_at)
            VALUES (@b, @plan, @status, @customer, @subscription, @period_end, @cancel, @event_at, @event_at)
            ON CONFLICT (business_id) DO UPDATE SET
                plan = excluded.plan, status = excluded.status,
                stripe_customer_id = coalesce(excluded.stripe_customer_id, subscriptions.stripe_customer_id),
                stripe_subscription_id = excluded.stripe_subscription_id,
                current_period_end = coalesce(excluded.current_period_end, subscriptions.current_period_end),
                cancel_at_period_end = excluded.cancel_at_period_end,
                stripe_event_at = excluded.stripe_event_at, updated_at = excluded.updated_at
             WHERE subscriptions.stripe_event_at IS NULL OR subscriptions.stripe_event_at <= excluded.stripe_event_at
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("plan", plan);
        command.Parameters.AddWithValue("status", state.Status);
        command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlDbType.Text) { Value = (object?)state.CustomerId ?? DBNull.Value });
        command.Parameters.AddWithValue("subscription", state.SubscriptionId);
        command.Parameters.Add(new NpgsqlParameter("period_end", NpgsqlDbType.TimestampTz) { Value = (object?)state.CurrentPeriodEnd?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.AddWithValue("cancel", state.CancelAtPeriodEnd);
        command.Parameters.AddWithValue("event_at", state.EventAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores or updates an invoice, unless a newer event about it was applied already.</summary>
    public static async Task ApplyInvoiceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, InvoiceView invoice, DateTimeOffset eventAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO invoices (id, business_id, number, amount_due, amount_paid, currency, status, hosted_url, period_start, period_end, created_at, stripe_event_at)
            VALUES (@id, @b, @number, @due, @paid, @currency, @status, @url, @start, @end, @created, @event_at)
            ON CONFLICT (id) DO UPDATE SET
                number = coalesce(excluded.number, invoices.number), amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
                status = excluded.status, hosted_url = coalesce(excluded.hosted_url, invoices.hosted_url), stripe_event_at = excluded.stripe_event_at
             WHERE invoices.stripe_event_at <= excluded.stripe_event_at
            """, connection, transaction);
        command.Parameters.AddWithValue("id", invoice.Id);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("number", NpgsqlDbType.Text) { Value = (object?)invoice.Number ?? DBNull.Value });
        command.Parameters.AddWithValue("due", invoice.AmountDue);
        command.Parameters.AddWithValue("paid", invoice.AmountPaid);
        command.Parameters.AddWithValue("currency", invoice.Currency.ToUpperInvariant());
        command.Parameters.AddWithValue("status", invoice.Status);
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)invoice.HostedUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = (object?)invoice.PeriodStart?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = (object?)invoice.PeriodEnd?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.AddWithValue("created", invoice.CreatedAt.ToUniversalTime());
        command.Parameters.AddWithValue("event_at", eventAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
