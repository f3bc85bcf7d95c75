namespace Conversations.Infrastructure.Payments;

/// <summary>The states of a booking's payment (<c>payments.status</c>).</summary>
public static class PaymentStatus
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Refunded = "refunded";
    public const string Expired = "expired";
}
