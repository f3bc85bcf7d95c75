using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// The platform's Stripe account. Bound from <c>Conversations:Stripe</c>. Without <see cref="SecretKey"/>
/// payments are off: bookings are paid on site and the payment routes answer that payments are not configured.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Conversations:Stripe";

    public const string StripeApiBase = "https://api.stripe.com";

    /// <summary>The secret API key (<c>sk_live_…</c> / <c>sk_test_…</c>, or a restricted <c>rk_…</c> key).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>) of the webhook endpoint that Stripe calls at <c>/api/webhook/stripe</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is; tests and egress proxies point it elsewhere.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = StripeApiBase;

    /// <summary>Where the customer and the owner land after Checkout (<c>/payment/success</c>, <c>/payment/cancel</c>, <c>/settings/billing</c>).</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a booking's payment link stays usable (Stripe allows 30 minutes to 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:30:00", "1.00:00:00")]
    public TimeSpan PaymentLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Retries of a request that failed on the network or with a 409/5xx; Stripe.net resends them with the same idempotency key.</summary>
    [Range(0, 5)]
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>The recurring Stripe price of each plan the platform sells, by plan id (<c>professional</c> → <c>price_…</c>).</summary>
    public Dictionary<string, string> PlanPrices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>The plan a Stripe price belongs to, if it is one of ours.</summary>
    public string? PlanOfPrice(string? priceId) =>
        priceId is null ? null : PlanPrices.FirstOrDefault(p => string.Equals(p.Value, priceId, StringComparison.Ordinal)).Key;
}
