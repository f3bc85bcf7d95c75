using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Sessions, e-mailed tokens and the login lockout. Bound from <c>Conversations:Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Conversations:Accounts";

    /// <summary>Where the links in account e-mails point: the address users open the product on.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a session lasts without being refreshed; each refresh extends it by this much.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan EmailVerificationTokenLifetime { get; set; } = TimeSpan.FromDays(2);

    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan InvitationTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed logins for one e-mail address within <see cref="LockoutWindow"/> that lock it.</summary>
    [Range(1, 1000)]
    public int LockoutThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
