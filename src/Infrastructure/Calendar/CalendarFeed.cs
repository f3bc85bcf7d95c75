namespace Conversations.Infrastructure.Calendar;

/// <summary>A secret feed of a business's bookings (<see cref="EmployeeId"/> null) or of one employee's.</summary>
public sealed record CalendarFeed(Guid BusinessId, Guid? EmployeeId, string Secret, DateTimeOffset CreatedAt);
