namespace Conversations.Infrastructure.Accounts;

/// <summary>What an e-mailed token is good for; the names are stored in <c>account_tokens.purpose</c>.</summary>
public static class AccountTokenPurpose
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";
    public const string Invitation = "invitation";
}
