using System.Net.Mail;

namespace Conversations.Infrastructure.Accounts;

/// <summary>The e-mail address rule for sign-up and invitations: a single plain address, at most 254 characters.</summary>
public static class EmailAddresses
{
    public static bool IsValid(string? email) =>
        email is { Length: > 2 and <= 254 }
        && email == email.Trim()
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.DisplayName.Length == 0
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}
