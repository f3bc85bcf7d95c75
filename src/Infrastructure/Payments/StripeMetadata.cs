namespace Conversations.Infrastructure.Payments;

/// <summary>The metadata keys we put on Stripe objects, by which their events find their way back to a business.</summary>
public static class StripeMetadata
{
    public const string Kind = "kind";
    public const string BusinessId = "business_id";
    public const string BookingId = "booking_id";
    public const string Plan = "plan";

    public const string BookingPayment = "booking_payment";
    public const string Subscription = "subscription";
}
