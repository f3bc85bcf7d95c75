using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Who of the team is online now; changes arrive live as <c>PresenceChanged</c>.</summary>
public static class PresenceApi
{
    public static IEndpointRouteBuilder MapPresenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/presence").WithTags("Presence").MapGet("/", ListAsync).RequirePermission(Permissions.EmployeesRead);
        return app;
    }

    public sealed record EmployeePresence(Guid EmployeeId, string DisplayName, Presence Presence);

    /// <summary>Whether each active employee of the business is online, away or offline, by their live connections.</summary>
    internal static async Task<Ok<IReadOnlyList<EmployeePresence>>> ListAsync(
        ClaimsPrincipal user, EmployeeDirectory employees, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var team = (await employees.ListAsync(user.GetBusinessId(), cancellationToken)).Where(e => e.Status == EmployeeStatus.Active).ToList();
        var presence = await Task.WhenAll(team.Select(e => cluster.GetGrain<IEmployeeGrain>(e.Id).GetPresenceAsync()));
        return TypedResults.Ok<IReadOnlyList<EmployeePresence>>(
            team.Select((e, i) => new EmployeePresence(e.Id, e.DisplayName, presence[i])).ToList());
    }
}
