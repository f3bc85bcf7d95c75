using Conversations.Grains.Assistant;
using Conversations.Grains.Bookings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using PaymentLink = Conversations.Grains.Assistant.PaymentLink;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// Payment links for bookings as Stripe Checkout Sessions (mode <c>payment</c>) for the service's price, with
/// the business and booking in the metadata (of the session and of its payment intent, for refunds). Each
/// session is made with an idempotency key per booking and generation, so a retried request gets the same
/// session back rather than a second one; a booking's open link is handed out again until shortly before it
/// expires.
/// </summary>
public sealed partial class StripePaymentLinks(
    StripeAccount stripe,
    BookingPayments payments,
    PaymentSettingsStore settings,
    IOptions<StripeOptions> options,
    TimeProvider time,
    ILogger<StripePaymentLinks> logger) : IPaymentLinks
{
    /// <summary>A link that expires sooner than this is not handed out again: the customer needs time to pay.</summary>
    private static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(15);

    public async Task<bool> IsEnabledAsync(Guid businessId, CancellationToken cancellationToken) =>
        (await settings.GetAsync(businessId, cancellationToken)).OnlinePayments;

    public async Task<PaymentLink> CreateAsync(Guid businessId, BookingView booking, CancellationToken cancellationToken)
    {
        var outcome = await ProvideAsync(businessId, booking.Id, cancellationToken);
        return outcome.Payment is { } payment ? new PaymentLink(payment.Url, null) : new PaymentLink(null, outcome.Refusal!.Message);
    }

    /// <summary>The booking's open payment link, or a new one.</summary>
    public async Task<PaymentLinkOutcome> ProvideAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        if (!(await settings.GetAsync(businessId, cancellationToken)).OnlinePayments)
        {
            return PaymentLinkOutcome.Refused(
                PaymentRefusalKind.Conflict, "onlinePayments", "This business takes no online payments; the booking is paid on site.");
        }

        if (await payments.FindPayableAsync(businessId, bookingId, cancellationToken) is not { } booking)
        {
            return PaymentLinkOutcome.Refused(PaymentRefusalKind.NotFound, "id", "No such booking.");
        }

        if (booking.PaidAt is not null)
        {
            return PaymentLinkOutcome.Refused(PaymentRefusalKind.Conflict, "booking", "The booking is already paid.");
        }

        if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
        {
            return PaymentLinkOutcome.Refused(PaymentRefusalKind.Conflict, "status", $"A {booking.Status} booking cannot be paid.");
        }

        if (booking.PriceMinor <= 0)
        {
            return PaymentLinkOutcome.Refused(PaymentRefusalKind.Conflict, "price", "The service is free; there is nothing to pay.");
        }

        var now = time.GetUtcNow();
        if (await payments.FindOpenAsync(businessId, bookingId, now + ReuseMargin, cancellationToken) is { } open
            && open.AmountMinor == booking.PriceMinor && string.Equals(open.Currency, booking.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new PaymentLinkOutcome(open, true, null);
        }

        // Stripe replays the answer to a key it has seen (for 24 hours), and a link is asked for again only once
        // the previous one is about to expire, so the generation makes the next key.
        var generation = await payments.CountAsync(bookingId, cancellationToken);
        var idempotencyKey = $"booking-payment-{bookingId:N}-{generation}";
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadata.Kind] = StripeMetadata.BookingPayment,
            [StripeMetadata.BusinessId] = businessId.ToString(),
            [StripeMetadata.BookingId] = bookingId.ToString(),
        };
        var publicBase = options.Value.PublicBaseUrl.TrimEnd('/');
        Session session;
        try
        {
            session = await stripe.Client.V1.Checkout.Sessions.CreateAsync(
                new SessionCreateOptions
                {
                    Mode = "payment",
                    ClientReferenceId = bookingId.ToString(),
                    LineItems =
                    [
                        new SessionLineItemOptions
                        {
                            Quantity = 1,
                            PriceData = new SessionLineItemPriceDataOptions
                            {
                                Currency = booking.Currency.ToLowerInvariant(),
                                UnitAmount = booking.PriceMinor,
                                ProductData = new SessionLineItemPriceDataProductDataOptions { Name = booking.ServiceName },
                            },
                        },
                    ],
                    Metadata = metadata,
                    PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
                    SuccessUrl = $"{publicBase}/payment/success?booking={bookingId}",
                    CancelUrl = $"{publicBase}/payment/cancel?booking={bookingId}",
                    ExpiresAt = (now + options.Value.PaymentLinkLifetime).UtcDateTime,
                },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogSessionFailed(logger, e, businessId, bookingId);
            return PaymentLinkOutcome.Refused(PaymentRefusalKind.Unavailable, "payment", "The payment link could not be made right now; try again shortly.");
        }

        var expiresAt = session.ExpiresAt == default ? now + options.Value.PaymentLinkLifetime : new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc));
        var payment = await payments.AddAsync(
            businessId, bookingId, session.Id, session.AmountTotal ?? booking.PriceMinor, booking.Currency.ToUpperInvariant(), session.Url, expiresAt, now, cancellationToken);
        LogSessionMade(logger, businessId, bookingId, session.Id);
        return new PaymentLinkOutcome(payment, false, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} of business {BusinessId}: Checkout Session {SessionId}")]
    private static partial void LogSessionMade(ILogger logger, Guid businessId, Guid bookingId, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {BookingId} of business {BusinessId}: Stripe did not make a Checkout Session")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception, Guid businessId, Guid bookingId);
}
