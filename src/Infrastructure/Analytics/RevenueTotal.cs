namespace Conversations.Infrastructure.Analytics;

/// <summary>Revenue in one currency: amounts in different currencies are never added together.</summary>
public sealed record RevenueTotal(string Currency, long Bookings, long BookedMinor, long PaidBookings, long PaidMinor);
