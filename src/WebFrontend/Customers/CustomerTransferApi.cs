using System.Security.Claims;
using Conversations.Infrastructure.Customers;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Customers;

/// <summary>Customers in and out: CSV import and export, and one customer's data export and erasure.</summary>
public static class CustomerTransferApi
{
    private const long MaxImportBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Imports a CSV sent as <c>text/csv</c> or as the first file of a multipart form. <c>mode</c> is
    /// <c>all-or-nothing</c> (any bad row: nothing imported, 422 listing them) or <c>per-row</c> (good rows
    /// imported, bad ones listed). Rows whose phone matches a customer are merged into them.
    /// </summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string? mode, string? region, HttpRequest request, ClaimsPrincipal user, CustomerDirectory customers, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ImportMode.IsKnown(mode))
        {
            errors["mode"] = [$"Required: {ImportMode.AllOrNothing} or {ImportMode.PerRow}."];
        }

        if (region is not null && !CustomerPhones.IsKnownRegion(region))
        {
            errors["region"] = ["An ISO 3166 alpha-2 region, e.g. ES."];
        }

        if (request.ContentLength is > MaxImportBytes)
        {
            errors["file"] = ["At most 10 MB."];
        }

        Stream? body = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            body = form.Files.Count > 0 ? form.Files[0].OpenReadStream() : null;
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
                 || request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = request.Body;
        }

        if (body is null)
        {
            errors["file"] = ["Send the CSV as text/csv, or as a file in a multipart form."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        await using (body)
        {
            var (rows, rejected) = await CustomerCsv.ParseAsync(body!, region ?? await customers.DefaultRegionAsync(businessId, cancellationToken), cancellationToken);
            if (mode == ImportMode.AllOrNothing && rejected.Count > 0)
            {
                return TypedResults.Problem(
                    title: $"Nothing was imported: {rejected.Count} row(s) were rejected.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = new Dictionary<string, string[]> { ["file"] = rejected.Select(r => $"line {r.Line}: {r.Field}: {r.Reason}").ToArray() },
                        ["rejected"] = rejected,
                    });
            }

            var (created, merged) = await customers.ImportAsync(businessId, rows, time.GetUtcNow(), cancellationToken);
            return TypedResults.Ok(new ImportResult(mode!, true, created, merged, rejected));
        }
    }

    /// <summary>Every customer matching the filter as CSV, streamed as it is read from the database.</summary>
    public static PushStreamHttpResult ExportCsvAsync(string? search, string? tag, bool? vip, ClaimsPrincipal user, CustomerDirectory customers, HttpContext context) =>
        TypedResults.Stream(
            stream => CustomerCsv.WriteAsync(
                stream, customers.StreamAsync(user.GetBusinessId(), new CustomerFilter(search, tag, vip), context.RequestAborted), context.RequestAborted),
            "text/csv; charset=utf-8",
            "customers.csv");

    /// <summary>Everything held about one customer (profile, conversations, messages, bookings and the rest) as JSON, for a data-subject access request.</summary>
    public static async Task<Results<Ok<CustomerDataExport>, ProblemHttpResult>> ExportPersonalDataAsync(
        Guid id, ClaimsPrincipal user, CustomerPrivacy privacy, TimeProvider time, CancellationToken cancellationToken) =>
        await privacy.ExportAsync(user.GetBusinessId(), id, time.GetUtcNow(), cancellationToken) is { } export
            ? TypedResults.Ok(export)
            : FieldProblems.NotFound("customer");

    /// <summary>
    /// Erases a customer's personal data: message contents, media, note and rating texts are removed and the name is
    /// replaced by a pseudonym; the anonymised customer and their bookings are kept for accounting. It cannot be undone.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(
        Guid id, ClaimsPrincipal user, CustomerPrivacy privacy, TimeProvider time, CancellationToken cancellationToken) =>
        await privacy.EraseAsync(user.GetBusinessId(), id, time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : FieldProblems.NotFound("customer");
}
