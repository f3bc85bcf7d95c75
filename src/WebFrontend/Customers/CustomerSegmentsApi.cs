using System.Security.Claims;
using Conversations.Infrastructure.Customers;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Customers;

/// <summary>Saved customer filters, and the customers each one currently matches.</summary>
public static class CustomerSegmentsApi
{
    public static IEndpointRouteBuilder MapCustomerSegmentsApi(this IEndpointRouteBuilder app)
    {
        var segments = app.MapGroup("/api/customers/segments").WithTags("Customers");
        segments.MapGet("/", ListAsync).RequirePermission(Permissions.CustomersRead);
        segments.MapPost("/", CreateAsync).RequirePermission(Permissions.CustomersWrite);
        segments.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.CustomersRead);
        segments.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.CustomersWrite);
        segments.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.CustomersWrite);
        segments.MapGet("/{id:guid}/customers", CustomersAsync).RequirePermission(Permissions.CustomersRead);
        return app;
    }

    /// <summary>The business's saved customer segments.</summary>
    internal static async Task<Ok<IReadOnlyList<CustomerSegment>>> ListAsync(ClaimsPrincipal user, CustomerSegments segments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await segments.ListAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>One saved customer segment and its filter.</summary>
    internal static async Task<Results<Ok<CustomerSegment>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CustomerSegments segments, CancellationToken cancellationToken) =>
        await segments.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } segment ? TypedResults.Ok(segment) : FieldProblems.NotFound("segment");

    /// <summary>Saves a customer segment: a named filter by search text, tag and VIP status.</summary>
    internal static async Task<Results<Created<CustomerSegment>, ValidationProblem>> CreateAsync(
        SegmentRequest? request, ClaimsPrincipal user, CustomerSegments segments, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request, null);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await segments.CreateAsync(user.GetBusinessId(), request!.Name!.Trim(), FilterOf(request, null), time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/customers/segments/{created.Id}", created);
    }

    /// <summary>Renames a segment or changes its filter.</summary>
    internal static async Task<Results<Ok<CustomerSegment>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, SegmentRequest? request, ClaimsPrincipal user, CustomerSegments segments, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await segments.GetAsync(businessId, id, cancellationToken) is not { } current)
        {
            return FieldProblems.NotFound("segment");
        }

        var errors = Validate(request, current);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await segments.UpdateAsync(businessId, id, request?.Name?.Trim() ?? current.Name, FilterOf(request, current.Filter), time.GetUtcNow(), cancellationToken) is { } updated
            ? TypedResults.Ok(updated)
            : FieldProblems.NotFound("segment");
    }

    /// <summary>Deletes a saved segment; its customers are not touched.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, CustomerSegments segments, CancellationToken cancellationToken) =>
        await segments.DeleteAsync(user.GetBusinessId(), id, cancellationToken) ? TypedResults.NoContent() : FieldProblems.NotFound("segment");

    /// <summary>The customers matching a segment, a page at a time (cursor from the previous page).</summary>
    internal static async Task<Results<Ok<CustomerPage>, ValidationProblem, ProblemHttpResult>> CustomersAsync(
        Guid id, string? cursor, int? limit, ClaimsPrincipal user, CustomerSegments segments, CustomerDirectory customers, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await segments.GetAsync(businessId, id, cancellationToken) is not { } segment)
        {
            return FieldProblems.NotFound("segment");
        }

        if ((cursor is not null && !CustomerCursor.TryDecode(cursor, out _, out _)) || limit is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [cursor is null ? "limit" : "cursor"] = ["A cursor this API returned; a limit of 1 to 200."] });
        }

        return TypedResults.Ok(await customers.ListAsync(businessId, segment.Filter, cursor, limit ?? 50, cancellationToken));
    }

    private static Dictionary<string, string[]> Validate(SegmentRequest? request, CustomerSegment? current)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request?.Name?.Trim() ?? current?.Name;
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["Required, at most 100 characters."];
        }

        if (request?.Search is { Length: > 200 })
        {
            errors["search"] = ["At most 200 characters."];
        }

        if (request?.Tag is { Length: > 50 })
        {
            errors["tag"] = ["At most 50 characters."];
        }

        return errors;
    }

    private static CustomerFilter FilterOf(SegmentRequest? request, CustomerFilter? current) => new(
        request?.Search?.Trim() is { Length: > 0 } search ? search : request?.Search is null ? current?.Search : null,
        request?.Tag?.Trim().ToLowerInvariant() is { Length: > 0 } tag ? tag : request?.Tag is null ? current?.Tag : null,
        request?.Vip ?? current?.Vip);
}
