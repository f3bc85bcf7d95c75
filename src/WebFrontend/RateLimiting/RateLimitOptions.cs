using System.ComponentModel.DataAnnotations;

namespace Conversations.WebFrontend.RateLimiting;

/// <summary>
/// Per-IP limits on the anonymous account endpoints, and per-business limits on what costs the business money (test messages). Bound from <c>Conversations:RateLimits</c>. Each
/// frontend counts on its own, so with N frontends behind a balancer an address gets up to N times as many.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Conversations:RateLimits";

    /// <summary>Sign-ups one IP address may attempt per <see cref="SignUpWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int SignUpPermitLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignUpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Logins, password resets and other credential checks one IP address may attempt per <see cref="CredentialsWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int CredentialsPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CredentialsWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WhatsApp test messages one business may send per <see cref="TestMessageWindow"/> (each is a paid, business-initiated message).</summary>
    [Range(1, 1_000_000)]
    public int TestMessagePermitLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TestMessageWindow { get; set; } = TimeSpan.FromMinutes(10);
}
