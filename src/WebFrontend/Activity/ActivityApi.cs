using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Activity;

/// <summary>The business's activity log, for its owners and admins (<c>audit.read</c>): newest first, in keyset pages.</summary>
public static partial class ActivityApi
{
    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/activity").WithTags("Activity").MapGet("/", ListAsync).RequirePermission(Permissions.AuditRead);
        return app;
    }

    /// <summary>The business's activity log, newest first, a page at a time (cursor), filtered by time range, action or area, and employee.</summary>
    /// <param name="from">ISO 8601 with an offset: entries at or after it.</param>
    /// <param name="to">ISO 8601 with an offset: entries before it.</param>
    /// <param name="action">An action (<c>settings.updated</c>), or an area (<c>auth</c>) for all of its actions.</param>
    internal static async Task<Results<Ok<ActivityPage>, ValidationProblem>> ListAsync(
        string? from, string? to, string? action, string? employeeId, string? cursor, string? limit,
        ClaimsPrincipal user, ActivityQueries activity, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Instant(from, "from", errors);
        var end = Instant(to, "to", errors);
        if (start is not null && end is not null && end <= start)
        {
            errors["to"] = ["Must be after from."];
        }

        string? actionFilter = null;
        if (action is not null)
        {
            if (ActionOrArea().IsMatch(action))
            {
                actionFilter = action.Contains('.', StringComparison.Ordinal) ? action : action + ".";
            }
            else
            {
                errors["action"] = ["An action such as settings.updated, or an area such as auth."];
            }
        }

        Guid? employee = null;
        if (employeeId is not null)
        {
            if (Guid.TryParse(employeeId, out var parsed))
            {
                employee = parsed;
            }
            else
            {
                errors["employeeId"] = ["An employee id."];
            }
        }

        if (cursor is not null && !ActivityCursor.TryDecode(cursor, out _, out _))
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }

        var pageSize = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 200))
        {
            errors["limit"] = ["1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await activity.ListAsync(
            user.GetBusinessId(), new ActivityFilter(start, end, actionFilter, employee), cursor, pageSize, cancellationToken));
    }

    private static DateTimeOffset? Instant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (RequestFields.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        errors[field] = ["An ISO 8601 time with an offset, e.g. 2026-01-31T09:00:00Z."];
        return null;
    }

    [GeneratedRegex(@"^[a-z][a-z_]*(\.[a-z][a-z_]*)*$")]
    private static partial Regex ActionOrArea();
}
