using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conversations.TestSupport;

/// <summary>
/// Stripe webhook deliveries as Stripe sends them: an event envelope around an object, and the
/// <c>Stripe-Signature</c> header (<c>t=…,v1=…</c>, HMAC-SHA256 of <c>{t}.{payload}</c> with the endpoint's
/// signing secret), computed here independently of Stripe.net.
/// </summary>
public static class StripeWebhooks
{
    public const string Header = "Stripe-Signature";

    /// <summary>The API version the events are rendered in (Stripe.net 53.1's).</summary>
    public const string ApiVersion = "2026-10-28.endive";

    public static string Event(string type, JsonObject dataObject, string? id = null, DateTimeOffset? created = null) => new JsonObject
    {
        ["id"] = id ?? NewEventId(),
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    public static string NewEventId() => $"evt_{Guid.NewGuid():N}";

    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
