using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Settings;

/// <summary>The inbox's settings for the business.</summary>
public static class WorkspaceSettingsApi
{
    public static IEndpointRouteBuilder MapWorkspaceSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/workspace").WithTags("Settings");
        settings.MapGet("/", GetAsync);
        settings.MapPatch("/", UpdateAsync);
        return app;
    }

    public sealed record WorkspaceSettingsRequest(bool? AnnounceAgentJoined);

    private static async Task<Ok<WorkspaceSettings>> GetAsync(ClaimsPrincipal user, WorkspaceSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ReadAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Ok<WorkspaceSettings>, ProblemHttpResult>> UpdateAsync(
        WorkspaceSettingsRequest? request, ClaimsPrincipal user, WorkspaceSettingsStore store, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(ConversationsClaims.Role) is not (EmployeeRoles.Owner or EmployeeRoles.Admin))
        {
            return TypedResults.Problem(title: "Only owners and admins change settings.", statusCode: StatusCodes.Status403Forbidden);
        }

        var current = await store.ReadAsync(user.GetBusinessId(), cancellationToken);
        var updated = current with { AnnounceAgentJoined = request?.AnnounceAgentJoined ?? current.AnnounceAgentJoined };
        await store.SaveAsync(user.GetBusinessId(), updated, cancellationToken);
        return TypedResults.Ok(updated);
    }
}
