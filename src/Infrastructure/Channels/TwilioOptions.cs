using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Channels;

/// <summary>Twilio's endpoints and how Twilio reaches us. Bound from <c>Conversations:Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Conversations:Twilio";

    /// <summary>
    /// Where the REST API is; empty means Twilio's own (<c>https://api.twilio.com</c>). The SDK has no base-URL
    /// setting, so requests to <c>*.twilio.com</c> are re-addressed here (tests, egress proxies).
    /// </summary>
    [Url]
    public string? ApiBaseUrl { get; set; }

    /// <summary>
    /// The public address Twilio calls our webhooks on (e.g. <c>https://chat.example.com</c>). Twilio signs the
    /// URL it called, so behind a proxy the signature is checked against this rather than the request's own URL.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
