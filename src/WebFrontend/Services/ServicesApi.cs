using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Services;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Services;

/// <summary>
/// The business's bookable services: price, duration, buffer, who performs them and their own hours. Every
/// reader of bookings sees them; <c>services.manage</c> changes them. Another business's ids are simply not found.
/// </summary>
public static partial class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/services").WithTags("Services");
        services.MapGet("/", ListAsync).RequirePermission(Permissions.BookingsRead);
        services.MapPost("/", CreateAsync).RequirePermission(Permissions.ServicesManage);
        services.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.BookingsRead);
        services.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.ServicesManage);
        services.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.ServicesManage);
        return app;
    }

    /// <summary>The business's bookable services: price, duration, buffer, staff, weekly hours and the active flag.</summary>
    internal static async Task<Ok<IReadOnlyList<ServiceView>>> ListAsync(ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ServiceView>>((await catalog.ListAsync(user.GetBusinessId(), cancellationToken)).Select(ServiceView.From).ToList());

    /// <summary>One bookable service.</summary>
    internal static async Task<Results<Ok<ServiceView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } service
            ? TypedResults.Ok(ServiceView.From(service))
            : FieldProblems.NotFound("service");

    /// <summary>Adds a bookable service: name, price in minor units and currency, duration and buffer in minutes, staff, weekly hours and exceptions.</summary>
    internal static async Task<Results<Created<ServiceView>, ValidationProblem>> CreateAsync(
        ServiceRequest? request, ClaimsPrincipal user, ServiceCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var draft = await ValidateAsync(request ?? Empty, null, businessId, catalog, errors, cancellationToken);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await catalog.CreateAsync(businessId, draft, time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/services/{created.Id}", ServiceView.From(created));
    }

    /// <summary>Changes a service; fields left out keep their value.</summary>
    internal static async Task<Results<Ok<ServiceView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ServiceRequest? request, ClaimsPrincipal user, ServiceCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var current = await catalog.GetAsync(businessId, id, cancellationToken);
        if (current is null)
        {
            return FieldProblems.NotFound("service");
        }

        var errors = new Dictionary<string, string[]>();
        var draft = await ValidateAsync(request ?? Empty, current, businessId, catalog, errors, cancellationToken);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await catalog.UpdateAsync(businessId, id, draft, time.GetUtcNow(), cancellationToken) is { } updated
            ? TypedResults.Ok(ServiceView.From(updated))
            : FieldProblems.NotFound("service");
    }

    /// <summary>Deletes a service without bookings; one with bookings is refused with 409 (set isActive to false instead).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.DeleteAsync(user.GetBusinessId(), id, cancellationToken) switch
        {
            true => TypedResults.NoContent(),
            false => FieldProblems.Conflict("id", "The service has bookings; set isActive to false instead."),
            null => FieldProblems.NotFound("service"),
        };

    private static readonly ServiceRequest Empty = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>The draft to save (the current service with the request's changes), or null with <paramref name="errors"/> filled.</summary>
    private static async Task<ServiceDraft?> ValidateAsync(
        ServiceRequest request, ServiceRecord? current, Guid businessId, ServiceCatalog catalog, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? current?.Name;
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        var description = request.Description?.Trim() ?? current?.Description ?? "";
        if (description.Length > 4000)
        {
            errors["description"] = ["At most 4000 characters."];
        }

        var price = request.PriceMinor ?? current?.PriceMinor;
        if (price is null or < 0 or > 100_000_000_00)
        {
            errors["priceMinor"] = ["Required: the price in minor units (cents), 0 or more."];
        }

        var currency = request.Currency?.Trim().ToUpperInvariant() ?? current?.Currency;
        if (currency is null || !CurrencyCode().IsMatch(currency))
        {
            errors["currency"] = ["Required: an ISO 4217 code such as EUR."];
        }

        var duration = request.DurationMinutes ?? current?.DurationMinutes;
        if (duration is null or < 5 or > 1440)
        {
            errors["durationMinutes"] = ["Required: 5 to 1440 minutes."];
        }

        var buffer = request.BufferMinutes ?? current?.BufferMinutes ?? 0;
        if (buffer is < 0 or > 1440)
        {
            errors["bufferMinutes"] = ["0 to 1440 minutes."];
        }

        var employees = request.EmployeeIds ?? current?.EmployeeIds ?? [];
        if (request.EmployeeIds is not null && (await catalog.UnknownEmployeesAsync(businessId, employees, cancellationToken)).Count > 0)
        {
            errors["employeeIds"] = ["Every id must be an active employee of the business."];
        }

        var schedule = request.WeeklyHours is null && request.Exceptions is null && current is not null
            ? current.Availability
            : ScheduleFields.Parse(
                request.WeeklyHours ?? [],
                request.Exceptions ?? [],
                errors);
        if (current is not null && request.WeeklyHours is null && request.Exceptions is not null)
        {
            schedule = schedule with { WeeklyHours = current.Availability.WeeklyHours };
        }
        else if (current is not null && request.Exceptions is null && request.WeeklyHours is not null)
        {
            schedule = schedule with { Exceptions = current.Availability.Exceptions };
        }

        return errors.Count > 0
            ? null
            : new ServiceDraft(name!, description, price!.Value, currency!, duration!.Value, buffer, request.IsActive ?? current?.IsActive ?? true, employees, schedule);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
