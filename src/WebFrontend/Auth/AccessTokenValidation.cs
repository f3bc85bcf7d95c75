using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Conversations.WebFrontend.Auth;

/// <summary>
/// The check a signature cannot make: that the token's employee is still active, its session not
/// revoked and its role current (for a business's own role: its permissions unchanged). The employee grain answers from memory, so every request pays one
/// in-cluster call and no database round trip.
/// </summary>
public static class AccessTokenValidation
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var user = context.Principal!;
        if (!Guid.TryParse(user.FindFirstValue(ConversationsClaims.EmployeeId), out var employeeId)
            || !Guid.TryParse(user.FindFirstValue(ConversationsClaims.SessionId), out var sessionId)
            || !Guid.TryParse(user.FindFirstValue(ConversationsClaims.BusinessId), out _)
            || user.FindFirstValue(ConversationsClaims.Role) is not { } role)
        {
            context.Fail("The token lacks the employee, business, session or role claim.");
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        if (!await grains.GetGrain<IEmployeeGrain>(employeeId).IsTokenValidAsync(sessionId, role, user.GetRoleVersion()))
        {
            context.Fail("The session has ended, the employee was deactivated or their role (or its permissions) changed.");
        }
    }
}
