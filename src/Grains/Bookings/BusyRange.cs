namespace Conversations.Grains.Bookings;

/// <summary>A resource's booked time, buffer included: [<see cref="From"/>, <see cref="Until"/>).</summary>
public sealed record BusyRange(Guid ResourceId, DateTimeOffset From, DateTimeOffset Until);
