using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Stripe;
using Stripe.Checkout;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// Applies verified Stripe events. Each is applied in one transaction with its <c>stripe_events</c> row
/// (inserted first, <c>ON CONFLICT DO NOTHING</c>), so a redelivered event changes nothing and a failed one
/// leaves nothing behind for Stripe's retry. Messages to customers go out after the commit.
/// </summary>
public sealed partial class StripeEvents(
    TenantDatabase database,
    PlanCatalog plans,
    PaymentNotices notices,
    IOptions<StripeOptions> options,
    TimeProvider time,
    ILogger<StripeEvents> logger)
{
    public async Task<StripeEventOutcome> ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand(
            "INSERT INTO stripe_events (id, type, received_at) VALUES (@id, @type, @now) ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            claim.Parameters.AddWithValue("id", stripeEvent.Id);
            claim.Parameters.AddWithValue("type", stripeEvent.Type);
            claim.Parameters.AddWithValue("now", now);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return StripeEventOutcome.Duplicate;
            }
        }

        var eventAt = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var effect = stripeEvent.Data.Object switch
        {
            Session { Mode: "payment" } session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded
                => await SessionPaidAsync(connection, transaction, session, now, cancellationToken),
            Session { Mode: "payment" } session when stripeEvent.Type == EventTypes.CheckoutSessionExpired
                => await SessionExpiredAsync(connection, transaction, session, cancellationToken),
            Session { Mode: "subscription" } session when stripeEvent.Type == EventTypes.CheckoutSessionCompleted
                => await SubscriptionCheckedOutAsync(connection, transaction, session, eventAt, cancellationToken),
            Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded
                => await ChargeRefundedAsync(connection, transaction, charge, now, cancellationToken),
            Subscription subscription when stripeEvent.Type.StartsWith("customer.subscription.", StringComparison.Ordinal)
                => await SubscriptionChangedAsync(connection, transaction, subscription, stripeEvent.Type == EventTypes.CustomerSubscriptionDeleted, eventAt, cancellationToken),
            Invoice invoice when stripeEvent.Type.StartsWith("invoice.", StringComparison.Ordinal)
                => await InvoiceChangedAsync(connection, transaction, invoice, eventAt, cancellationToken),
            _ => StripeEventEffect.None,
        };

        if (effect.BusinessId is { } businessId)
        {
            await using var owner = new NpgsqlCommand("UPDATE stripe_events SET business_id = @b WHERE id = @id", connection, transaction);
            owner.Parameters.AddWithValue("b", businessId);
            owner.Parameters.AddWithValue("id", stripeEvent.Id);
            await owner.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, stripeEvent.Id, stripeEvent.Type, effect.BusinessId);

        if (effect.Paid is { } paid)
        {
            await NotifyAsync(() => notices.PaidAsync(paid.BusinessId, paid.BookingId, paid.PaymentId, paid.AmountMinor, paid.Currency, cancellationToken), paid);
        }

        if (effect.Refunded is { } refunded)
        {
            await NotifyAsync(() => notices.RefundedAsync(refunded.BusinessId, refunded.BookingId, refunded.PaymentId, refunded.AmountMinor, refunded.Currency, cancellationToken), refunded);
        }

        return effect.Changed ? StripeEventOutcome.Applied : StripeEventOutcome.Ignored;
    }

    private async Task NotifyAsync(Func<Task> send, PaymentChange change)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The payment is recorded; Stripe must not redeliver the event for a message.
            LogNoticeFailed(logger, e, change.BusinessId, change.BookingId);
        }
    }

    /// <summary>The customer paid: the payment and the booking say so, and the booking's history records it.</summary>
    private async Task<StripeEventEffect> SessionPaidAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Session session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.PaymentStatus is not ("paid" or "no_payment_required"))
        {
            // Delayed payment methods: checkout.session.async_payment_succeeded follows.
            return StripeEventEffect.None;
        }

        PaymentChange? paid = null;
        await using (var update = new NpgsqlCommand(
            """
            UPDATE payments SET status = 'paid', paid_at = @now, payment_intent_id = coalesce(@intent, payment_intent_id)
             WHERE stripe_session_id = @session AND status IN ('pending', 'expired')
            RETURNING id, business_id, booking_id, amount_minor, currency
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("now", now);
            update.Parameters.Add(new NpgsqlParameter("intent", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)session.PaymentIntentId ?? DBNull.Value });
            update.Parameters.AddWithValue("session", session.Id);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                paid = new PaymentChange(reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(0), reader.GetInt64(3), reader.GetString(4).Trim());
            }
        }

        if (paid is null)
        {
            paid = await AdoptSessionAsync(connection, transaction, session, now, cancellationToken);
            if (paid is null)
            {
                return StripeEventEffect.None;
            }
        }

        await using (var booking = new NpgsqlCommand(
            "UPDATE bookings SET paid_at = coalesce(paid_at, @now) WHERE business_id = @b AND id = @id", connection, transaction))
        {
            booking.Parameters.AddWithValue("now", now);
            booking.Parameters.AddWithValue("b", paid.BusinessId);
            booking.Parameters.AddWithValue("id", paid.BookingId);
            await booking.ExecuteNonQueryAsync(cancellationToken);
        }

        await BookingPayments.RecordAsync(connection, transaction, paid.BusinessId, paid.BookingId, "paid", now, cancellationToken);
        return new StripeEventEffect(paid.BusinessId, true, paid, null);
    }

    /// <summary>
    /// A paid session we hold no row for (the row's insert failed after Stripe made the session): taken from the
    /// session's own metadata when it names a booking of that business.
    /// </summary>
    private static async Task<PaymentChange?> AdoptSessionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Session session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.Metadata is null
            || !session.Metadata.TryGetValue(StripeMetadata.BusinessId, out var business) || !Guid.TryParse(business, out var businessId)
            || !session.Metadata.TryGetValue(StripeMetadata.BookingId, out var booking) || !Guid.TryParse(booking, out var bookingId)
            || session.AmountTotal is not > 0 || session.Currency is null)
        {
            return null;
        }

        var id = Guid.CreateVersion7();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO payments (id, business_id, booking_id, stripe_session_id, payment_intent_id, amount_minor, currency, status, url, expires_at, created_at, paid_at)
            SELECT @id, business_id, id, @session, @intent, @amount, @currency, 'paid', coalesce(@url, ''), @now, @now, @now
              FROM bookings WHERE business_id = @b AND id = @booking
            ON CONFLICT (stripe_session_id) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("session", session.Id);
        insert.Parameters.Add(new NpgsqlParameter("intent", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)session.PaymentIntentId ?? DBNull.Value });
        insert.Parameters.AddWithValue("amount", session.AmountTotal.Value);
        insert.Parameters.AddWithValue("currency", session.Currency.ToUpperInvariant());
        insert.Parameters.Add(new NpgsqlParameter("url", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)session.Url ?? DBNull.Value });
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("b", businessId);
        insert.Parameters.AddWithValue("booking", bookingId);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1
            ? new PaymentChange(businessId, bookingId, id, session.AmountTotal.Value, session.Currency.ToUpperInvariant())
            : null;
    }

    private static async Task<StripeEventEffect> SessionExpiredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Session session, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            "UPDATE payments SET status = 'expired' WHERE stripe_session_id = @session AND status = 'pending' RETURNING business_id", connection, transaction);
        update.Parameters.AddWithValue("session", session.Id);
        return await update.ExecuteScalarAsync(cancellationToken) is Guid businessId
            ? new StripeEventEffect(businessId, true, null, null)
            : StripeEventEffect.None;
    }

    /// <summary>
    /// A refund, ours (already recorded when we made it) or one made in Stripe's dashboard. Only a full refund
    /// makes the payment <c>refunded</c>; a partial one is counted.
    /// </summary>
    private static async Task<StripeEventEffect> ChargeRefundedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Charge charge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (charge.PaymentIntentId is null)
        {
            return StripeEventEffect.None;
        }

        PaymentChange? refunded = null;
        Guid? businessId = null;
        await using (var update = new NpgsqlCommand(
            """
            WITH before AS (SELECT id, status FROM payments WHERE payment_intent_id = @intent AND status IN ('paid', 'refunded') FOR UPDATE)
            UPDATE payments p SET refunded_minor = greatest(p.refunded_minor, @refunded),
                   status = CASE WHEN @full THEN 'refunded' ELSE p.status END,
                   refunded_at = CASE WHEN @full THEN coalesce(p.refunded_at, @now) ELSE p.refunded_at END
              FROM before WHERE p.id = before.id
            RETURNING p.id, p.business_id, p.booking_id, p.amount_minor, p.currency, before.status
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("intent", charge.PaymentIntentId);
            update.Parameters.AddWithValue("refunded", charge.AmountRefunded);
            update.Parameters.AddWithValue("full", charge.Refunded);
            update.Parameters.AddWithValue("now", now);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                businessId = reader.GetGuid(1);
                if (charge.Refunded && reader.GetString(5) == PaymentStatus.Paid)
                {
                    refunded = new PaymentChange(reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(0), reader.GetInt64(3), reader.GetString(4).Trim());
                }
            }
        }

        if (refunded is not null)
        {
            await BookingPayments.RecordAsync(connection, transaction, refunded.BusinessId, refunded.BookingId, "refunded", now, cancellationToken);
        }

        return businessId is null ? StripeEventEffect.None : new StripeEventEffect(businessId, refunded is not null, null, refunded);
    }

    /// <summary>The owner finished a subscription's Checkout: the plan runs (its own events follow with the details).</summary>
    private async Task<StripeEventEffect> SubscriptionCheckedOutAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Session session, DateTimeOffset eventAt, CancellationToken cancellationToken)
    {
        if (session.SubscriptionId is null || BusinessOf(session.Metadata) is not { } businessId)
        {
            return StripeEventEffect.None;
        }

        var plan = plans.Find(session.Metadata!.GetValueOrDefault(StripeMetadata.Plan))?.Id ?? plans.Default.Id;
        await SubscriptionStore.ApplySubscriptionAsync(
            connection, transaction, businessId, plan,
            new StripeSubscriptionState(session.SubscriptionId, session.CustomerId, "active", null, false, eventAt), cancellationToken);
        return new StripeEventEffect(businessId, true, null, null);
    }

    private async Task<StripeEventEffect> SubscriptionChangedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Subscription subscription, bool deleted, DateTimeOffset eventAt, CancellationToken cancellationToken)
    {
        var businessId = BusinessOf(subscription.Metadata)
            ?? await SubscriptionStore.FindBusinessAsync(connection, transaction, subscription.CustomerId, subscription.Id, cancellationToken);
        if (businessId is null)
        {
            LogUnknownObject(logger, "subscription", subscription.Id);
            return StripeEventEffect.None;
        }

        var item = subscription.Items?.Data?.FirstOrDefault();
        var plan = plans.Find(options.Value.PlanOfPrice(item?.Price?.Id))?.Id
            ?? plans.Find(subscription.Metadata?.GetValueOrDefault(StripeMetadata.Plan))?.Id
            ?? plans.Default.Id;
        var periodEnd = item is { CurrentPeriodEnd: var end } && end != default ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        await SubscriptionStore.ApplySubscriptionAsync(
            connection, transaction, businessId.Value, plan,
            new StripeSubscriptionState(subscription.Id, subscription.CustomerId, deleted ? "canceled" : subscription.Status ?? "active", periodEnd, subscription.CancelAtPeriodEnd, eventAt),
            cancellationToken);
        return new StripeEventEffect(businessId, true, null, null);
    }

    private async Task<StripeEventEffect> InvoiceChangedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Invoice invoice, DateTimeOffset eventAt, CancellationToken cancellationToken)
    {
        var subscription = invoice.Parent?.SubscriptionDetails;
        var businessId = BusinessOf(subscription?.Metadata)
            ?? await SubscriptionStore.FindBusinessAsync(connection, transaction, invoice.CustomerId, subscription?.SubscriptionId, cancellationToken);
        if (businessId is null || invoice.Id is null)
        {
            LogUnknownObject(logger, "invoice", invoice.Id ?? "");
            return StripeEventEffect.None;
        }

        await SubscriptionStore.ApplyInvoiceAsync(
            connection, transaction, businessId.Value,
            new InvoiceView(
                invoice.Id, invoice.Number, invoice.AmountDue, invoice.AmountPaid, invoice.Currency ?? "usd", invoice.Status ?? "draft", invoice.HostedInvoiceUrl,
                Utc(invoice.PeriodStart), Utc(invoice.PeriodEnd), Utc(invoice.Created) ?? eventAt),
            eventAt, cancellationToken);
        return new StripeEventEffect(businessId, true, null, null);
    }

    private static Guid? BusinessOf(Dictionary<string, string>? metadata) =>
        metadata?.GetValueOrDefault(StripeMetadata.BusinessId) is { } value && Guid.TryParse(value, out var id) ? id : null;

    private static DateTimeOffset? Utc(DateTime value) => value == default ? null : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) applied for business {BusinessId}")]
    private static partial void LogApplied(ILogger logger, string eventId, string type, Guid? businessId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe {ObjectKind} {ObjectId} belongs to no business we know; event ignored")]
    private static partial void LogUnknownObject(ILogger logger, string objectKind, string objectId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId} of business {BusinessId}: the payment message could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, Guid businessId, Guid bookingId);
}
