namespace Conversations.Grains.Bookings;

public enum BookingFailureKind
{
    /// <summary>A field is wrong (e.g. the staff member does not perform the service): 400.</summary>
    Invalid,

    /// <summary>The booking, or something it names, does not exist in this business: 404.</summary>
    NotFound,

    /// <summary>The slot is taken, or the status change is not allowed now: 409.</summary>
    Conflict,
}
