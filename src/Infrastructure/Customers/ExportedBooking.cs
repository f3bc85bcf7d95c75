namespace Conversations.Infrastructure.Customers;

/// <summary>A booking in a customer's data export.</summary>
public sealed record ExportedBooking(Guid Id, string Service, DateTimeOffset Start, DateTimeOffset End, string Status, string Notes, DateTimeOffset CreatedAt);
