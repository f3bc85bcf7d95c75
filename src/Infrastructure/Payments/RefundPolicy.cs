namespace Conversations.Infrastructure.Payments;

/// <summary>What a customer who cancels a paid booking gets back.</summary>
public static class RefundPolicy
{
    /// <summary>Everything, whenever they cancel.</summary>
    public const string Full = "full";

    /// <summary>Nothing.</summary>
    public const string None = "none";

    /// <summary>Everything when cancelled at least the window's hours before the start, else nothing.</summary>
    public const string FullBeforeWindow = "full_before_window";

    public static readonly IReadOnlyList<string> All = [Full, None, FullBeforeWindow];

    /// <summary>Whether a cancellation at <paramref name="cancelledAt"/> of a booking starting at <paramref name="start"/> is refunded.</summary>
    public static bool Refunds(PaymentSettings settings, DateTimeOffset start, DateTimeOffset cancelledAt) => settings.RefundPolicy switch
    {
        Full => true,
        FullBeforeWindow => start - cancelledAt >= TimeSpan.FromHours(settings.RefundWindowHours ?? 0),
        _ => false,
    };
}
