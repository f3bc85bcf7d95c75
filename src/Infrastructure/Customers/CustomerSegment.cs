namespace Conversations.Infrastructure.Customers;

/// <summary>A saved filter over customers.</summary>
public sealed record CustomerSegment(Guid Id, string Name, CustomerFilter Filter, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
