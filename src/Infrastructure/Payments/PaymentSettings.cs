namespace Conversations.Infrastructure.Payments;

/// <summary>A business's payment policy: whether its customers pay online, and what a cancellation gets back.</summary>
/// <param name="RefundWindowHours">For <see cref="RefundPolicy.FullBeforeWindow"/>: how many hours before the start a cancellation must come.</param>
public sealed record PaymentSettings(bool OnlinePayments, string RefundPolicy, int? RefundWindowHours)
{
    public static readonly PaymentSettings Default = new(true, Payments.RefundPolicy.Full, null);
}
