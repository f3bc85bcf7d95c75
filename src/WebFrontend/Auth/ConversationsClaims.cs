using System.Security.Claims;

namespace Conversations.WebFrontend.Auth;

/// <summary>The claims an access token carries, and how endpoints read them.</summary>
public static class ConversationsClaims
{
    public const string EmployeeId = "sub";
    public const string BusinessId = "business_id";
    public const string Role = "role";

    /// <summary>
    /// The version of a business's own role at issuance (absent for the system roles, which count as 0): a change of
    /// the role's permissions refuses tokens of the old version.
    /// </summary>
    public const string RoleVersion = "role_version";
    public const string Email = "email";

    /// <summary>The session (refresh-token family) the token was issued for; revoking it refuses the token at once.</summary>
    public const string SessionId = "sid";

    /// <summary>Present (<c>setup</c>) while the business requires two-factor authentication and the employee has not set it up.</summary>
    public const string TwoFactorSetup = "tfa";

    public static Guid GetBusinessId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(BusinessId)!);

    public static Guid GetEmployeeId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(EmployeeId)!);

    public static Guid GetSessionId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(SessionId)!);

    public static string GetRole(this ClaimsPrincipal user) => user.FindFirstValue(Role)!;

    /// <summary>The token's role version; 0 when it carries none (system roles, and tokens issued before roles had versions).</summary>
    public static int GetRoleVersion(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(RoleVersion), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
}
