using System.Security.Claims;

namespace Conversations.WebFrontend.Auth;

/// <summary>The claims an access token carries, and how endpoints read them.</summary>
public static class ConversationsClaims
{
    public const string EmployeeId = "sub";
    public const string BusinessId = "business_id";
    public const string Role = "role";
    public const string Email = "email";

    /// <summary>The session (refresh-token family) the token was issued for; revoking it refuses the token at once.</summary>
    public const string SessionId = "sid";

    /// <summary>Present (<c>setup</c>) while the business requires two-factor authentication and the employee has not set it up.</summary>
    public const string TwoFactorSetup = "tfa";

    public static Guid GetBusinessId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(BusinessId)!);

    public static Guid GetEmployeeId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(EmployeeId)!);

    public static Guid GetSessionId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(SessionId)!);

    public static string GetRole(this ClaimsPrincipal user) => user.FindFirstValue(Role)!;
}
