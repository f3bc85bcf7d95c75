namespace Conversations.Grains.Bookings;

/// <summary>Who makes a change, for the booking's history: an employee (with their id), the assistant, or the system.</summary>
public sealed record BookingActor(string Kind, Guid? EmployeeId)
{
    public static BookingActor Employee(Guid employeeId) => new("employee", employeeId);

    public static readonly BookingActor Assistant = new("assistant", null);

    public static readonly BookingActor System = new("system", null);
}
