using System.Globalization;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Platform;

/// <summary>
/// For the people who run the platform, outside any business: log in, list businesses, suspend and reactivate
/// one. A suspended business's webhooks are still accepted and stored, but its assistant does not answer and its
/// people cannot log in (their sessions end at once).
/// </summary>
public static class PlatformApi
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform").WithTags("Platform");
        platform.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        var businesses = platform.MapGroup("/businesses").RequireAuthorization(PlatformAuth.Policy);
        businesses.MapGet("/", ListAsync);
        businesses.MapPost("/{id:guid}/suspend", SuspendAsync);
        businesses.MapPost("/{id:guid}/reactivate", ReactivateAsync);
        return app;
    }

    public sealed record PlatformLoginRequest(string? Email, string? Password);

    public sealed record PlatformToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

    public sealed record SuspendRequest(string? Reason);

    /// <summary>Signs a platform administrator in with e-mail and password; returns a bearer token for the platform endpoints (not for a business's).</summary>
    internal static async Task<Results<Ok<PlatformToken>, ProblemHttpResult>> LoginAsync(
        PlatformLoginRequest? request, PlatformAdmins admins, PlatformTokenIssuer issuer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, string.IsNullOrWhiteSpace(request?.Email) ? "email" : "password", "The e-mail address and password are required.");
        }

        if (await admins.VerifyAsync(request.Email, request.Password, cancellationToken) is not { } admin)
        {
            return TypedResults.Problem(title: AuthApi.InvalidCredentials, statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = issuer.Issue(admin);
        return TypedResults.Ok(new PlatformToken(token.Token, "Bearer", token.ExpiresAt));
    }

    /// <summary>Every business on the platform with its size and suspension, searched by name (q), filtered by suspended, a page at a time (limit 1 to 200, offset).</summary>
    internal static async Task<Results<Ok<IReadOnlyList<BusinessOverview>>, ProblemHttpResult>> ListAsync(
        string? q, string? suspended, string? limit, string? offset, BusinessSuspensions businesses, CancellationToken cancellationToken)
    {
        bool? onlySuspended = null;
        if (suspended is not null)
        {
            if (!bool.TryParse(suspended, out var parsed))
            {
                return FieldProblems.Of(StatusCodes.Status400BadRequest, "suspended", "Use true or false.");
            }

            onlySuspended = parsed;
        }

        var pageSize = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 200))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "limit", "A whole number from 1 to 200.");
        }

        var skip = 0;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "offset", "A whole number, 0 or more.");
        }

        return TypedResults.Ok(await businesses.ListAsync(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), onlySuspended, pageSize, skip, cancellationToken));
    }

    /// <summary>Suspends a business with a reason its owners see: its people are signed out and cannot log in, and its assistant stops answering.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> SuspendAsync(
        Guid id, SuspendRequest? request, BusinessSuspensions businesses, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "reason", "Say why (1 to 500 characters): the business's owners see it.");
        }

        if (await businesses.SetAsync(id, suspend: true, reason, cancellationToken) is not { } employees)
        {
            return FieldProblems.NotFound("business");
        }

        // Every session of its people ends now, so their access tokens stop working on their next request.
        foreach (var employee in employees)
        {
            await grains.GetGrain<IEmployeeGrain>(employee).RevokeOtherSessionsAsync(null);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Lifts a business's suspension.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> ReactivateAsync(
        Guid id, BusinessSuspensions businesses, CancellationToken cancellationToken) =>
        await businesses.SetAsync(id, suspend: false, null, cancellationToken) is null ? FieldProblems.NotFound("business") : TypedResults.NoContent();
}
