namespace Conversations.Infrastructure.Customers;

public sealed record PanelBooking(Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset StartsAt, string Status, long PriceMinor, string Currency);
