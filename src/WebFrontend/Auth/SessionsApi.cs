using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Auth;

/// <summary>The caller's own sessions: list them and revoke any one.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/auth/sessions").WithTags("Auth").RequireOwnAccount();
        sessions.MapGet("/", ListAsync);
        sessions.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    public sealed record SessionView(
        Guid Id, string UserAgent, string IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Current);

    /// <summary>Live sessions, newest activity first. "Last seen" is the last login or refresh.</summary>
    internal static async Task<Ok<IReadOnlyList<SessionView>>> ListAsync(
        ClaimsPrincipal user, SessionStore sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = user.GetSessionId();
        var live = await sessions.ListActiveAsync(user.GetEmployeeId(), time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SessionView>>(live
            .Select(s => new SessionView(s.Id, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Id == current))
            .ToList());
    }

    /// <summary>Ends one of the caller's sessions (its refresh token stops working at once); ending the current one also clears the refresh cookie.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        var revoked = await grains.GetGrain<IEmployeeGrain>(user.GetEmployeeId()).RevokeSessionsAsync([id]);
        if (revoked.Length == 0)
        {
            return TypedResults.Problem(title: "No such session.", statusCode: StatusCodes.Status404NotFound);
        }

        if (id == user.GetSessionId())
        {
            RefreshCookie.Delete(context.Response);
        }

        return TypedResults.NoContent();
    }
}
