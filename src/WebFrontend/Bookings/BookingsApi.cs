using System.Security.Claims;
using Conversations.Grains.Bookings;
using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Bookings;

/// <summary>
/// Bookings: make, list, view, change (status, time, staff, notes), cancel, and their history. Agents book
/// (<c>bookings.write</c>), viewers only read. Times are answered in the business's time zone and must be sent with an offset.
/// </summary>
public static class BookingsApi
{
    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var bookings = app.MapGroup("/api/bookings").WithTags("Bookings");
        bookings.MapGet("/", ListAsync).RequirePermission(Permissions.BookingsRead);
        bookings.MapPost("/", CreateAsync).RequirePermission(Permissions.BookingsWrite);
        bookings.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.BookingsRead);
        bookings.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.BookingsWrite);
        bookings.MapDelete("/{id:guid}", CancelAsync).RequirePermission(Permissions.BookingsWrite);
        bookings.MapGet("/{id:guid}/history", HistoryAsync).RequirePermission(Permissions.ActivityRead);
        return app;
    }

    /// <summary>Bookings of the business starting in a time range (ISO 8601 from/to; from 30 days ago by default), filtered by status, customer or staff.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<BookingView>>, ValidationProblem>> ListAsync(
        string? from, string? to, string? status, Guid? customerId, Guid? staffId,
        ClaimsPrincipal user, PostgresBookings bookings, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = time.GetUtcNow().AddDays(-30);
        if (from is not null && !RequestFields.TryParseInstant(from, out start))
        {
            errors["from"] = ["An ISO 8601 date and time with offset."];
        }

        var end = start.AddDays(120);
        if (to is not null && !RequestFields.TryParseInstant(to, out end))
        {
            errors["to"] = ["An ISO 8601 date and time with offset."];
        }
        else if (end <= start || end - start > TimeSpan.FromDays(366))
        {
            errors["to"] = ["After from, and at most 366 days after it."];
        }

        if (status is not null && !BookingStatus.All.Contains(status))
        {
            errors["status"] = [$"One of: {string.Join(", ", BookingStatus.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await bookings.ListAsync(user.GetBusinessId(), start, end, status, customerId, staffId, cancellationToken));
    }

    /// <summary>One booking of the business.</summary>
    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, IBookings bookings, CancellationToken cancellationToken) =>
        await bookings.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } booking
            ? TypedResults.Ok(booking)
            : FieldProblems.NotFound("booking");

    /// <summary>Books a service for a customer at a start time; a time that is not one of the service's free slots, or is already booked, is refused with 409.</summary>
    internal static async Task<Results<Created<BookingView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        BookingRequest? request, ClaimsPrincipal user, IBookings bookings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.ServiceId is null)
        {
            errors["serviceId"] = ["Required."];
        }

        if (request?.CustomerId is null)
        {
            errors["customerId"] = ["Required."];
        }

        if (!RequestFields.TryParseInstant(request?.Start, out var start))
        {
            errors["start"] = ["Required: ISO 8601 with the offset, e.g. 2026-03-30T10:00:00+02:00."];
        }

        var status = request?.Status ?? BookingStatus.Pending;
        if (status is not (BookingStatus.Pending or BookingStatus.Confirmed))
        {
            errors["status"] = ["A new booking is pending or confirmed."];
        }

        if ((request?.Notes?.Length ?? 0) > 2000)
        {
            errors["notes"] = ["At most 2000 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await bookings.CreateAsync(
            user.GetBusinessId(),
            new NewBooking(request!.ServiceId!.Value, request.CustomerId!.Value, request.StaffId, start, request.Notes?.Trim() ?? "", status, RequireOpenSlot: false),
            BookingActor.Employee(user.GetEmployeeId()),
            cancellationToken);
        return outcome.Booking is { } booking
            ? TypedResults.Created($"/api/bookings/{booking.Id}", booking)
            : Failure(outcome.Failure!);
    }

    /// <summary>Changes a booking's status, start time, staff member or notes; a move must land on a free slot, and a status change must be allowed from the current one (else 409).</summary>
    internal static async Task<Results<Ok<BookingView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, BookingPatch? request, ClaimsPrincipal user, IBookings bookings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null || (request.Status, request.Start, request.StaffId, request.Notes) == (null, null, null, null))
        {
            errors["status"] = ["Give a status, start, staffId or notes to change."];
        }

        if (request?.Status is { } status && !BookingStatus.All.Contains(status))
        {
            errors["status"] = [$"One of: {string.Join(", ", BookingStatus.All)}."];
        }

        DateTimeOffset? start = null;
        if (request?.Start is not null)
        {
            if (RequestFields.TryParseInstant(request.Start, out var parsed))
            {
                start = parsed;
            }
            else
            {
                errors["start"] = ["ISO 8601 with the offset, e.g. 2026-03-30T10:00:00+02:00."];
            }
        }

        if ((request?.Notes?.Length ?? 0) > 2000)
        {
            errors["notes"] = ["At most 2000 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await bookings.ChangeAsync(
            user.GetBusinessId(), id, new BookingChange(request!.Status, start, request.StaffId, request.Notes?.Trim()),
            BookingActor.Employee(user.GetEmployeeId()), cancellationToken);
        return outcome.Booking is { } booking ? TypedResults.Ok(booking) : Failure(outcome.Failure!);
    }

    /// <summary>Cancels: the booking is kept (with its history) for accounting, and its slot is free again.</summary>
    internal static async Task<Results<Ok<BookingView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, IBookings bookings, CancellationToken cancellationToken)
    {
        var outcome = await bookings.ChangeAsync(
            user.GetBusinessId(), id, new BookingChange(BookingStatus.Cancelled, null, null, null), BookingActor.Employee(user.GetEmployeeId()), cancellationToken);
        return outcome.Booking is { } booking ? TypedResults.Ok(booking) : Failure(outcome.Failure!);
    }

    /// <summary>Every change made to a booking, oldest first: who changed what and when.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<BookingEventView>>, ProblemHttpResult>> HistoryAsync(
        Guid id, ClaimsPrincipal user, PostgresBookings bookings, CancellationToken cancellationToken) =>
        await bookings.HistoryAsync(user.GetBusinessId(), id, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : FieldProblems.NotFound("booking");

    private static ProblemHttpResult Failure(BookingFailure failure) => failure.Kind switch
    {
        BookingFailureKind.NotFound => FieldProblems.Of(StatusCodes.Status404NotFound, failure.Field, failure.Message),
        BookingFailureKind.Conflict => FieldProblems.Conflict(failure.Field, failure.Message),
        _ => FieldProblems.Of(StatusCodes.Status400BadRequest, failure.Field, failure.Message),
    };
}
