using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.WebFrontend.Roles;

/// <summary>
/// Checks a <see cref="PermissionRequirement"/> against the caller's role. HTTP requests had their token checked
/// with the employee grain when authenticated; a hub method is invoked on a connection authenticated once, maybe
/// hours ago, so for those the token is checked again: a deactivated employee, a revoked session or a changed role
/// stops a live connection's calls too.
/// </summary>
public sealed class PermissionHandler(EmployeeAccess access, IGrainFactory grains) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (!await access.HasAsync(context.User, requirement.Permission))
        {
            return;
        }

        if (context.Resource is HubInvocationContext && !await IsTokenStillValidAsync(context.User))
        {
            return;
        }

        context.Succeed(requirement);
    }

    private async Task<bool> IsTokenStillValidAsync(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ConversationsClaims.EmployeeId), out var employeeId)
        && Guid.TryParse(user.FindFirstValue(ConversationsClaims.SessionId), out var sessionId)
        && user.FindFirstValue(ConversationsClaims.Role) is { } role
        && await grains.GetGrain<IEmployeeGrain>(employeeId).IsTokenValidAsync(sessionId, role, user.GetRoleVersion());
}
