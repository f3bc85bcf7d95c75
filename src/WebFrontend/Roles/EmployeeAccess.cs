using System.Security.Claims;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;

namespace Conversations.WebFrontend.Roles;

/// <summary>
/// What the caller may do: the permissions of the role their token names, at the version it carries. Endpoints are
/// guarded by policies; handlers ask here for the finer rules (a supervisor's powers, the business's feed).
/// </summary>
public sealed class EmployeeAccess(RolePermissions roles)
{
    public async ValueTask<IReadOnlySet<string>> PermissionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(user.FindFirstValue(ConversationsClaims.BusinessId), out var businessId)
            || user.FindFirstValue(ConversationsClaims.Role) is not { } role)
        {
            return new HashSet<string>();
        }

        return await roles.OfTokenAsync(businessId, role, user.GetRoleVersion(), cancellationToken);
    }

    public async ValueTask<bool> HasAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken = default) =>
        (await PermissionsOfAsync(user, cancellationToken)).Contains(permission);
}
