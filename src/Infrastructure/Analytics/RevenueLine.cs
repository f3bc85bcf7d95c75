namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// One service's revenue on one local day (or over the range, when <paramref name="Day"/> is null), at the
/// service's price. Booked: bookings made that day and not cancelled. Paid: bookings paid that day.
/// </summary>
/// <param name="BookedMinor">In the currency's minor unit (cents).</param>
public sealed record RevenueLine(
    DateOnly? Day, Guid ServiceId, string Service, string Currency, long Bookings, long BookedMinor, long PaidBookings, long PaidMinor);
