using System.Security.Claims;
using Conversations.Infrastructure.Calendar;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Calendar;

/// <summary>
/// Calendar sync without OAuth: each business and each employee has a secret ICS feed URL that Google,
/// Apple and Outlook calendars subscribe to. The URL is the credential, so the feed itself is anonymous;
/// rotating issues a new secret and the old URL answers 404 from then on.
/// </summary>
public static class CalendarApi
{
    public const string Business = "business";
    public const string Employee = "employee";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/calendar/feeds").WithTags("Calendar").RequirePermission(Permissions.BookingsRead);
        feeds.MapGet("/", ListAsync);
        feeds.MapPost("/{kind}/rotate", RotateAsync);
        app.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().WithTags("Calendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Produces(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The calendar feeds (iCalendar subscription URLs) the caller may use: the business's (with calendar.business) and their own.</summary>
    internal static async Task<Ok<IReadOnlyList<CalendarFeedView>>> ListAsync(
        ClaimsPrincipal user, CalendarFeeds feeds, EmployeeAccess access, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        var list = new List<CalendarFeedView>();
        if (await access.HasAsync(user, Permissions.CalendarBusiness, cancellationToken))
        {
            list.Add(View(Business, await feeds.GetOrCreateAsync(user.GetBusinessId(), null, time.GetUtcNow(), cancellationToken), request));
        }

        list.Add(View(Employee, await feeds.GetOrCreateAsync(user.GetBusinessId(), user.GetEmployeeId(), time.GetUtcNow(), cancellationToken), request));
        return TypedResults.Ok<IReadOnlyList<CalendarFeedView>>(list);
    }

    /// <summary>Replaces the secret URL of a calendar feed (kind: business or employee); the old URL stops working at once.</summary>
    internal static async Task<Results<Ok<CalendarFeedView>, ProblemHttpResult>> RotateAsync(
        string kind, ClaimsPrincipal user, CalendarFeeds feeds, EmployeeAccess access, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        if (kind is not (Business or Employee))
        {
            return FieldProblems.Of(StatusCodes.Status404NotFound, "kind", "The feed kind is business or employee.");
        }

        if (kind == Business && !await access.HasAsync(user, Permissions.CalendarBusiness, cancellationToken))
        {
            return FieldProblems.Of(StatusCodes.Status403Forbidden, "kind", $"Your role does not grant '{Permissions.CalendarBusiness}': the business's feed holds every booking.");
        }

        var feed = await feeds.RotateAsync(user.GetBusinessId(), kind == Employee ? user.GetEmployeeId() : null, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(kind, feed, request));
    }

    /// <summary>An iCalendar (.ics) feed of bookings, for calendar apps; the secret in the URL is the only credential.</summary>
    internal static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(
        string secret, CalendarFeeds feeds, CalendarRenderer renderer, TimeProvider time, CancellationToken cancellationToken)
    {
        if (secret.Length is < 20 or > 100 || await feeds.FindAsync(secret, cancellationToken) is not { } feed)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Content(await renderer.RenderAsync(feed, time.GetUtcNow(), cancellationToken), "text/calendar; charset=utf-8");
    }

    private static CalendarFeedView View(string kind, CalendarFeed feed, HttpRequest request) =>
        new(kind, $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{feed.Secret}.ics", feed.CreatedAt);
}
