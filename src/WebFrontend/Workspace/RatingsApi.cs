using System.Security.Claims;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Customer satisfaction: ratings customers gave when their conversations were resolved.</summary>
public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ratings").WithTags("Ratings").MapGet("/", SummaryAsync);
        return app;
    }

    /// <summary>Per employee, between <c>from</c> and <c>to</c> (ISO 8601; the last 30 days by default).</summary>
    private static async Task<Results<Ok<IReadOnlyList<RatingSummary>>, ValidationProblem>> SummaryAsync(
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
