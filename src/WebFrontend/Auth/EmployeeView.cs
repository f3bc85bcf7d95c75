namespace Conversations.WebFrontend.Auth;

/// <summary>Who a token was issued to.</summary>
/// <param name="EmailVerified">
/// Unverified owners may log in (so sign-up works offline and nothing is lost to a slow mailbox); the
/// client shows a reminder while this is false.
/// </param>
/// <param name="Permissions">What the role grants when the token is issued, so a client shows only what it may use.</param>
public sealed record EmployeeView(
    Guid Id, Guid BusinessId, string Email, string DisplayName, string Role, bool EmailVerified, IReadOnlyList<string> Permissions);
