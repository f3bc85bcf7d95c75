using System.Security.Claims;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Customer satisfaction: ratings customers gave when their conversations were resolved.</summary>
public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        var ratings = app.MapGroup("/api/ratings").WithTags("Ratings").RequirePermission(Permissions.RatingsRead);
        ratings.MapGet("/", SummaryAsync);
        ratings.MapGet("/recent", RecentAsync);
        return app;
    }

    /// <summary>The business's latest customer ratings (up to 100), newest first.</summary>
    internal static async Task<Ok<IReadOnlyList<RatingEntry>>> RecentAsync(ClaimsPrincipal user, RatingQueries ratings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ratings.RecentAsync(user.GetBusinessId(), 100, cancellationToken));

    /// <summary>Per employee, between <c>from</c> and <c>to</c> (ISO 8601; the last 30 days by default).</summary>
    internal static async Task<Results<Ok<IReadOnlyList<RatingSummary>>, ValidationProblem>> SummaryAsync(
        DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, RatingQueries ratings, TimeProvider time, CancellationToken cancellationToken)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        if (start >= end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Must be before 'to'."] });
        }

        return TypedResults.Ok(await ratings.SummaryAsync(user.GetBusinessId(), start, end, cancellationToken));
    }
}
