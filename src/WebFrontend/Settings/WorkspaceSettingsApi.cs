using System.Security.Claims;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Settings;

/// <summary>The inbox's settings for the business.</summary>
public static class WorkspaceSettingsApi
{
    public static IEndpointRouteBuilder MapWorkspaceSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/workspace").WithTags("Settings");
        settings.MapGet("/", GetAsync).RequirePermission(Permissions.SettingsRead);
        settings.MapPatch("/", UpdateAsync).RequirePermission(Permissions.SettingsManage);
        return app;
    }

    public sealed record WorkspaceSettingsRequest(bool? AnnounceAgentJoined, bool? OnboardingCompleted);

    /// <summary>The workspace settings: whether customers are told when an agent joins the conversation.</summary>
    internal static async Task<Ok<WorkspaceSettings>> GetAsync(ClaimsPrincipal user, WorkspaceSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ReadAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>Changes the workspace settings; fields left out keep their value.</summary>
    internal static async Task<Ok<WorkspaceSettings>> UpdateAsync(
        WorkspaceSettingsRequest? request, ClaimsPrincipal user, WorkspaceSettingsStore store, ActivityRecorder activity, CancellationToken cancellationToken)
    {
        var current = await store.ReadAsync(user.GetBusinessId(), cancellationToken);
        var updated = current with
        {
            AnnounceAgentJoined = request?.AnnounceAgentJoined ?? current.AnnounceAgentJoined,
            OnboardingCompleted = request?.OnboardingCompleted ?? current.OnboardingCompleted,
        };
        await store.SaveAsync(user.GetBusinessId(), updated, cancellationToken);
        await SettingsChanges.RecordAsync(activity, "workspace", current, updated);
        return TypedResults.Ok(updated);
    }
}
