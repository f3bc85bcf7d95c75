using Conversations.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Accounts;

/// <summary>The e-mails accounts send; each carries a single-use token in a link to the product.</summary>
public sealed class AccountEmails(IMailSender mail, IOptions<AccountOptions> options)
{
    public Task SendVerificationAsync(string to, string displayName, string token, CancellationToken cancellationToken) =>
        mail.SendAsync(new OutgoingMail(to, "Confirm your e-mail address", $"""
            Hello {displayName},

            Confirm that this is your address by opening this link:

            {Link("verify-email", token)}

            The link works once and expires in {Describe(options.Value.EmailVerificationTokenLifetime)}.
            """), cancellationToken);

    public Task SendPasswordResetAsync(string to, string displayName, string token, CancellationToken cancellationToken) =>
        mail.SendAsync(new OutgoingMail(to, "Reset your password", $"""
            Hello {displayName},

            Someone asked to reset the password of your account. If it was you, choose a new one here:

            {Link("reset-password", token)}

            The link works once and expires in {Describe(options.Value.PasswordResetTokenLifetime)}.
            If it was not you, ignore this e-mail: your password stays as it is.
            """), cancellationToken);

    public Task SendInvitationAsync(string to, string businessName, string role, string token, CancellationToken cancellationToken) =>
        mail.SendAsync(new OutgoingMail(to, $"You are invited to join {businessName}", $"""
            Hello,

            You are invited to join {businessName} as {role}. Choose your name and password here:

            {Link("accept-invitation", token)}

            The link works once and expires in {Describe(options.Value.InvitationTokenLifetime)}.
            """), cancellationToken);

    private string Link(string page, string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/{page}?token={token}";

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 ? $"{lifetime.TotalDays:0.#} days"
        : lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0.#} hours"
        : $"{lifetime.TotalMinutes:0} minutes";
}
