using Conversations.Grains.Bookings;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// Refunds a cancelled booking's payment as the business's policy says, through Stripe's Refund API (with an
/// idempotency key per payment, so a refund is never made twice), records it and tells the customer.
/// </summary>
public sealed partial class CancellationRefunds(
    StripeAccount stripe,
    BookingPayments payments,
    PaymentSettingsStore settings,
    PaymentNotices notices,
    TimeProvider time,
    ILogger<CancellationRefunds> logger) : IBookingObserver
{
    public async Task CancelledAsync(Guid businessId, BookingView booking, BookingActor actor, CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            return;
        }

        var paid = await payments.PaidAsync(businessId, booking.Id, cancellationToken);
        if (paid.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var policy = await settings.GetAsync(businessId, cancellationToken);
        if (!RefundPolicy.Refunds(policy, booking.Start, now))
        {
            LogNotRefunded(logger, businessId, booking.Id, policy.RefundPolicy);
            return;
        }

        foreach (var payment in paid)
        {
            await RefundAsync(businessId, payment, now, cancellationToken);
        }
    }

    /// <returns>Whether the payment is refunded now.</returns>
    public async Task<bool> RefundAsync(Guid businessId, PaidPayment payment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Refund refund;
        try
        {
            refund = await stripe.Client.V1.Refunds.CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = payment.PaymentIntentId,
                    Reason = "requested_by_customer",
                    Metadata = new Dictionary<string, string>
                    {
                        [StripeMetadata.BusinessId] = businessId.ToString(),
                        [StripeMetadata.BookingId] = payment.BookingId.ToString(),
                    },
                },
                new RequestOptions { IdempotencyKey = $"booking-refund-{payment.Id:N}" },
                cancellationToken);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The booking stays cancelled and the payment paid: an owner can refund it from Stripe's dashboard,
            // whose charge.refunded event then records it here.
            LogRefundFailed(logger, e, businessId, payment.BookingId);
            return false;
        }

        if (await payments.MarkRefundedAsync(businessId, payment, refund.Id, refund.Amount > 0 ? refund.Amount : payment.AmountMinor, now, cancellationToken))
        {
            LogRefunded(logger, businessId, payment.BookingId, refund.Id);
            await notices.RefundedAsync(businessId, payment.BookingId, payment.Id, payment.AmountMinor, payment.Currency, cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} of business {BusinessId}: refunded ({RefundId})")]
    private static partial void LogRefunded(ILogger logger, Guid businessId, Guid bookingId, string refundId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} of business {BusinessId}: cancelled without refund (policy {Policy})")]
    private static partial void LogNotRefunded(ILogger logger, Guid businessId, Guid bookingId, string policy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId} of business {BusinessId}: Stripe refused or missed the refund")]
    private static partial void LogRefundFailed(ILogger logger, Exception exception, Guid businessId, Guid bookingId);
}
