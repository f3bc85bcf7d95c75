using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Roles;

/// <summary>
/// Answers a request refused for want of a permission with an RFC 7807 problem naming it (field <c>permission</c>),
/// so a client can tell "your role does not allow this" from any other 403.
/// </summary>
public sealed class PermissionDeniedResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var missing = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault()
            : null;
        if (missing is null)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var message = $"Your role does not grant the permission '{missing.Permission}'.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["permission"] = [missing.Permission] } },
            },
            options: null,
            contentType: "application/problem+json");
    }
}
