namespace Conversations.Grains.Bookings;

/// <summary>The lifecycle of a booking, as stored in <c>bookings.status</c>.</summary>
public static class BookingStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string NoShow = "no_show";

    public static readonly IReadOnlyList<string> All = [Pending, Confirmed, Completed, Cancelled, NoShow];

    /// <summary>
    /// pending → confirmed → completed; pending or confirmed → cancelled; confirmed → no_show. Completed,
    /// cancelled and no-show bookings are final (a cancelled slot is booked again as a new booking).
    /// </summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Pending, Confirmed or Cancelled) => true,
        (Confirmed, Completed or Cancelled or NoShow) => true,
        _ => false,
    };

    /// <summary>Only pending and confirmed bookings may be moved to another time or staff member.</summary>
    public static bool IsOpen(string status) => status is Pending or Confirmed;
}
