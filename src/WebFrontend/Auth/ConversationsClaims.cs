using System.Security.Claims;

namespace Conversations.WebFrontend.Auth;

/// <summary>The claims an access token carries, and how endpoints read them.</summary>
public static class ConversationsClaims
{
    public const string EmployeeId = "sub";
    public const string BusinessId = "business_id";
    public const string Role = "role";
    public const string Email = "email";

    public static Guid GetBusinessId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(BusinessId)!);

    public static Guid GetEmployeeId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(EmployeeId)!);
}
