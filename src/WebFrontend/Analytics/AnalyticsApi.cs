using System.Globalization;
using System.Security.Claims;
using Conversations.Infrastructure.Analytics;
using Conversations.Infrastructure.Automation;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Analytics;

/// <summary>
/// The business's figures per local day for those whose role grants <c>analytics.read</c> (owners and admins): conversations and response times, revenue,
/// the team's performance, and CSV exports of each (recorded: who exported which report for which days).
/// </summary>
public static class AnalyticsApi
{
    private const int MaxExportsListed = 200;

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        // The figures include revenue and each colleague's performance: owners and admins see them, not agents.
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequirePermission(Permissions.AnalyticsRead);
        analytics.MapGet("/conversations", ConversationsAsync);
        analytics.MapGet("/revenue", RevenueAsync);
        analytics.MapGet("/performance", PerformanceAsync);
        analytics.MapGet("/sla", SlaAsync).WithSummary("SLA figures: per target, met in time, breached and running; breaches and met targets per local day.");
        analytics.MapPost("/export", ExportAsync).Produces<string>(StatusCodes.Status200OK, "text/csv");
        analytics.MapGet("/exports", ExportsAsync);
        return app;
    }

    /// <summary>Conversations per day (started, reopened, assistant-only or with a human, messages, response times) over a date range (from/to in the business's time zone; the last 30 days by default).</summary>
    internal static Task<Results<Ok<ConversationReport>, ValidationProblem>> ConversationsAsync(
        string? from, string? to, ClaimsPrincipal user, AnalyticsQueries analytics, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, user, analytics, time, analytics.ConversationsAsync, cancellationToken);

    /// <summary>Booking revenue per day and per service, with totals per currency, over a date range (from/to in the business's time zone; the last 30 days by default).</summary>
    internal static Task<Results<Ok<RevenueReport>, ValidationProblem>> RevenueAsync(
        string? from, string? to, ClaimsPrincipal user, AnalyticsQueries analytics, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, user, analytics, time, analytics.RevenueAsync, cancellationToken);

    /// <summary>Per-employee performance (conversations handled, messages, takeovers, first-response and resolution times) over a date range (from/to; the last 30 days by default).</summary>
    internal static Task<Results<Ok<PerformanceReport>, ValidationProblem>> PerformanceAsync(
        string? from, string? to, ClaimsPrincipal user, AnalyticsQueries analytics, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, user, analytics, time, analytics.PerformanceAsync, cancellationToken);

    private static Task<Results<Ok<SlaReport>, ValidationProblem>> SlaAsync(
        string? from, string? to, ClaimsPrincipal user, AnalyticsQueries analytics, SlaReports sla, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, user, analytics, time, sla.ReportAsync, cancellationToken);

    /// <summary>Reads a report for the caller's business over the range the query names, or says which field is wrong.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem>> ReportAsync<T>(
        string? from, string? to, ClaimsPrincipal user, AnalyticsQueries analytics, TimeProvider time,
        Func<Guid, AnalyticsRange, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        return AnalyticsRangeFields.Parse(from, to, await analytics.TimeZoneAsync(businessId, cancellationToken), time.GetUtcNow(), errors) is { } range
            ? TypedResults.Ok(await read(businessId, range, cancellationToken))
            : TypedResults.ValidationProblem(errors);
    }

    /// <summary>One report as a CSV download, recorded before it is sent.</summary>
    internal static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        AnalyticsExportRequest? request, ClaimsPrincipal user, AnalyticsQueries analytics, AnalyticsExports exports, TimeProvider time,
        HttpContext context, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        if (!AnalyticsReports.IsKnown(request?.Report))
        {
            errors["report"] = [$"Required: one of {string.Join(", ", AnalyticsReports.All)}."];
        }

        var now = time.GetUtcNow();
        var range = AnalyticsRangeFields.Parse(request?.From, request?.To, await analytics.TimeZoneAsync(businessId, cancellationToken), now, errors);
        if (errors.Count > 0 || range is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = request!.Report!;
        var table = report switch
        {
            AnalyticsReports.Conversations => AnalyticsCsv.Of(await analytics.ConversationsAsync(businessId, range, cancellationToken)),
            AnalyticsReports.Revenue => AnalyticsCsv.Of(await analytics.RevenueAsync(businessId, range, cancellationToken)),
            _ => AnalyticsCsv.Of(await analytics.PerformanceAsync(businessId, range, cancellationToken)),
        };
        await exports.RecordAsync(businessId, user.GetEmployeeId(), report, range, table.Rows.Count, now, cancellationToken);
        return TypedResults.Stream(
            stream => AnalyticsCsv.WriteAsync(stream, table, context.RequestAborted),
            "text/csv; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"{report}-{range.From:yyyy-MM-dd}-to-{range.To:yyyy-MM-dd}.csv"));
    }

    /// <summary>The business's most recent analytics exports, newest first (limit 1 to 100, 50 by default).</summary>
    internal static async Task<Results<Ok<IReadOnlyList<AnalyticsExport>>, ValidationProblem>> ExportsAsync(
        int? limit, ClaimsPrincipal user, AnalyticsExports exports, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxExportsListed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"1 to {MaxExportsListed}."] });
        }

        return TypedResults.Ok(await exports.ListAsync(user.GetBusinessId(), limit ?? 50, cancellationToken));
    }
}
