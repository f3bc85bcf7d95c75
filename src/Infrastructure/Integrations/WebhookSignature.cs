using System.Security.Cryptography;
using System.Text;

namespace Conversations.Infrastructure.Integrations;

/// <summary>
/// <c>Webhook-Signature: v1=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>, keyed by the UTF-8 bytes of the endpoint's
/// secret. The timestamp (Unix seconds, also sent as <c>Webhook-Timestamp</c>) is signed so receivers can reject replays.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Webhook-Id";
    public const string TimestampHeader = "Webhook-Timestamp";
    public const string SignatureHeader = "Webhook-Signature";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>A new secret: 32 random bytes, hex, with a prefix that says what it is.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
