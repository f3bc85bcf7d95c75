namespace Conversations.WebFrontend.Calendar;

/// <summary>A feed the caller may subscribe to: <c>business</c> (with <c>calendar.business</c>) or <c>employee</c> (their own bookings).</summary>
public sealed record CalendarFeedView(string Kind, string Url, DateTimeOffset IssuedAt);
