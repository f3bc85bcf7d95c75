using Conversations.Grains.Bookings;

namespace Conversations.Grains.Assistant;

/// <summary>
/// The one tool layer both assistants act through: services, availability, bookings, payment links. Each call
/// is confined to the scope's business and the conversation's own customer, so a model that names another
/// business's service or another customer's booking is refused. Once <paramref name="stopped"/> fires (an
/// employee took the conversation over) nothing more is done on the customer's behalf.
/// </summary>
public sealed class AssistantTools(
    ToolScope scope,
    IAssistantDirectory directory,
    IBookings bookings,
    IPaymentLinks payments,
    TimeProvider time,
    CancellationToken stopped,
    IReadOnlyList<ServiceOffer>? knownServices = null)
{
    private const string TakenOver = "A colleague has taken over this conversation; do nothing more for the customer.";

    private IReadOnlyList<ServiceOffer>? services = knownServices;
    private Guid? customerId;

    public ToolScope Scope => scope;

    /// <summary>The tools called so far in this turn.</summary>
    public int Calls { get; private set; }

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(scope.TimeZone);

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public async Task<IReadOnlyList<ServiceOffer>> ListServicesAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return services ??= await directory.ListServicesAsync(scope.BusinessId, cancellationToken);
    }

    /// <summary>A service of this business by id; null for any other id.</summary>
    public async Task<ServiceOffer?> FindServiceAsync(Guid serviceId, CancellationToken cancellationToken) =>
        (services ??= await directory.ListServicesAsync(scope.BusinessId, cancellationToken)).FirstOrDefault(s => s.Id == serviceId);

    public async Task<ToolOutcome<DayAvailability>> CheckAvailabilityAsync(Guid serviceId, DateOnly date, CancellationToken cancellationToken)
    {
        Calls++;
        if (await FindServiceAsync(serviceId, cancellationToken) is null)
        {
            return ToolOutcome<DayAvailability>.Refused("This business has no such service. Use list_services for the ids.");
        }

        if (date < DateOnly.FromDateTime(LocalNow.DateTime))
        {
            return ToolOutcome<DayAvailability>.Refused("That date is in the past.");
        }

        var day = await bookings.FindFreeSlotsAsync(scope.BusinessId, serviceId, date, null, cancellationToken);
        if (day is null)
        {
            return ToolOutcome<DayAvailability>.Refused("This business has no such service.");
        }

        var now = time.GetUtcNow();
        return ToolOutcome<DayAvailability>.Done(day with { Slots = day.Slots.Where(s => s.Start > now).ToList() });
    }

    public async Task<ToolOutcome<BookingView>> CreateBookingAsync(Guid serviceId, DateTimeOffset start, string? notes, CancellationToken cancellationToken)
    {
        Calls++;
        if (stopped.IsCancellationRequested)
        {
            return ToolOutcome<BookingView>.Refused(TakenOver);
        }

        if (await FindServiceAsync(serviceId, cancellationToken) is null)
        {
            return ToolOutcome<BookingView>.Refused("This business has no such service. Use list_services for the ids.");
        }

        if (start <= time.GetUtcNow())
        {
            return ToolOutcome<BookingView>.Refused("That time is in the past.");
        }

        if (await CustomerAsync(cancellationToken) is not { } customer)
        {
            return ToolOutcome<BookingView>.Refused("The customer could not be found.");
        }

        var outcome = await bookings.CreateAsync(
            scope.BusinessId,
            new NewBooking(serviceId, customer, null, start, notes ?? "", BookingStatus.Confirmed, RequireOpenSlot: true),
            BookingActor.Assistant,
            cancellationToken);
        return outcome.Booking is { } booking
            ? ToolOutcome<BookingView>.Done(booking)
            : ToolOutcome<BookingView>.Refused(outcome.Failure?.Kind == BookingFailureKind.Conflict
                ? "That time is no longer free. Check availability again and offer other times."
                : outcome.Failure?.Message ?? "The booking could not be made.");
    }

    /// <summary>The customer's upcoming bookings.</summary>
    public async Task<IReadOnlyList<BookingView>> ListBookingsAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return await CustomerAsync(cancellationToken) is { } customer
            ? await directory.ListUpcomingBookingsAsync(scope.BusinessId, customer, time.GetUtcNow(), cancellationToken)
            : [];
    }

    /// <summary>One of the customer's own bookings; another customer's is as unknown as a made-up id.</summary>
    public async Task<ToolOutcome<BookingView>> GetBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        Calls++;
        return await OwnBookingAsync(bookingId, cancellationToken) is { } booking
            ? ToolOutcome<BookingView>.Done(booking)
            : ToolOutcome<BookingView>.Refused("The customer has no booking with this id.");
    }

    public async Task<ToolOutcome<BookingView>> CancelBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        Calls++;
        if (stopped.IsCancellationRequested)
        {
            return ToolOutcome<BookingView>.Refused(TakenOver);
        }

        if (await OwnBookingAsync(bookingId, cancellationToken) is not { } booking)
        {
            return ToolOutcome<BookingView>.Refused("The customer has no booking with this id.");
        }

        if (!BookingStatus.CanMove(booking.Status, BookingStatus.Cancelled))
        {
            return ToolOutcome<BookingView>.Refused($"The booking is {booking.Status} and cannot be cancelled.");
        }

        var outcome = await bookings.ChangeAsync(
            scope.BusinessId, bookingId, new BookingChange(BookingStatus.Cancelled, null, null, null), BookingActor.Assistant, cancellationToken);
        return outcome.Booking is { } cancelled
            ? ToolOutcome<BookingView>.Done(cancelled)
            : ToolOutcome<BookingView>.Refused(outcome.Failure?.Message ?? "The booking could not be cancelled.");
    }

    public Task<bool> PaymentsEnabledAsync(CancellationToken cancellationToken) => payments.IsEnabledAsync(scope.BusinessId, cancellationToken);

    public async Task<ToolOutcome<PaymentLink>> CreatePaymentLinkAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        Calls++;
        if (stopped.IsCancellationRequested)
        {
            return ToolOutcome<PaymentLink>.Refused(TakenOver);
        }

        if (await OwnBookingAsync(bookingId, cancellationToken) is not { } booking)
        {
            return ToolOutcome<PaymentLink>.Refused("The customer has no booking with this id.");
        }

        var link = await payments.CreateAsync(scope.BusinessId, booking, cancellationToken);
        return link.Url is not null ? ToolOutcome<PaymentLink>.Done(link) : ToolOutcome<PaymentLink>.Refused(link.Refusal ?? "No payment link could be made.");
    }

    /// <summary>A local wall-clock time of the business as an instant.</summary>
    public DateTimeOffset AtLocal(DateOnly date, TimeOnly timeOfDay)
    {
        var local = date.ToDateTime(timeOfDay);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private async Task<BookingView?> OwnBookingAsync(Guid bookingId, CancellationToken cancellationToken) =>
        await bookings.GetAsync(scope.BusinessId, bookingId, cancellationToken) is { } booking
        && await CustomerAsync(cancellationToken) is { } customer
        && booking.CustomerId == customer
            ? booking
            : null;

    private async Task<Guid?> CustomerAsync(CancellationToken cancellationToken) =>
        customerId ??= await directory.FindCustomerAsync(scope.BusinessId, scope.ConversationId, cancellationToken);
}
