using System.Security.Claims;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Services;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Services;
using Conversations.WebFrontend.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Bookings;

/// <summary>Free slots of a service on a date, and the business's opening hours they are cut from.</summary>
public static class AvailabilityApi
{
    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        var availability = app.MapGroup("/api/availability").WithTags("Bookings");
        availability.MapGet("/", SlotsAsync).RequirePermission(Permissions.BookingsRead);
        availability.MapGet("/hours", GetHoursAsync).RequirePermission(Permissions.BookingsRead);
        availability.MapPut("/hours", SetHoursAsync).RequirePermission(Permissions.ServicesManage);
        return app;
    }

    /// <summary>The free slots (start and end, in the business's time zone) of <c>serviceId</c> on the local <c>date</c>.</summary>
    internal static async Task<Results<Ok<DayAvailability>, ValidationProblem, ProblemHttpResult>> SlotsAsync(
        Guid? serviceId, string? date, Guid? staffId, ClaimsPrincipal user, IBookings bookings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (serviceId is null)
        {
            errors["serviceId"] = ["Required."];
        }

        if (!RequestFields.TryParseDate(date, out var day))
        {
            errors["date"] = ["Required: a date as yyyy-MM-dd."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await bookings.FindFreeSlotsAsync(user.GetBusinessId(), serviceId!.Value, day, staffId, cancellationToken) is { } slots
            ? TypedResults.Ok(slots)
            : FieldProblems.Of(StatusCodes.Status404NotFound, "serviceId", "No such active service.");
    }

    /// <summary>The business's opening hours: the weekly schedule and dated exceptions.</summary>
    internal static async Task<Ok<OpeningHoursView>> GetHoursAsync(ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(OpeningHoursView.From(await catalog.GetBusinessHoursAsync(user.GetBusinessId(), cancellationToken)));

    /// <summary>Replaces the business's opening hours (weekly schedule and dated exceptions); bookings already made are kept.</summary>
    internal static async Task<Results<Ok<OpeningHoursView>, ValidationProblem>> SetHoursAsync(
        OpeningHoursRequest? request, ClaimsPrincipal user, ServiceCatalog catalog, ActivityRecorder activity, IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var schedule = ScheduleFields.Parse(request?.WeeklyHours, request?.Exceptions, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var before = OpeningHoursView.From(await catalog.GetBusinessHoursAsync(user.GetBusinessId(), cancellationToken));
        await catalog.SetBusinessHoursAsync(user.GetBusinessId(), schedule, cancellationToken);

        // Automation's business-hours conditions and SLA targets read the hours from the business grain's cache.
        await cluster.GetGrain<IBusinessGrain>(user.GetBusinessId()).AutomationChangedAsync();
        await SettingsChanges.RecordAsync(
            activity, "general.businessHours", before, OpeningHoursView.From(await catalog.GetBusinessHoursAsync(user.GetBusinessId(), cancellationToken)));
        return TypedResults.Ok(OpeningHoursView.From(schedule));
    }
}
