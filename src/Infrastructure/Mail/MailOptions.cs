using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Mail;

/// <summary>
/// How e-mail leaves the platform. Bound from <c>Conversations:Mail</c>. With no <see cref="Host"/>, messages
/// are written as <c>.eml</c> files to <see cref="PickupFolder"/> instead, so sign-up and password reset
/// work offline and tests can read what was sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Conversations:Mail";

    /// <summary>The SMTP server; empty writes files to <see cref="PickupFolder"/>.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Conversations &lt;no-reply@example.com&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Conversations <no-reply@conversations.local>";

    public MailTransportSecurity Security { get; set; } = MailTransportSecurity.StartTls;

    /// <summary>Where <c>.eml</c> files go without SMTP; relative paths are taken from the content root.</summary>
    [Required]
    public string PickupFolder { get; set; } = ".data/mail";
}
