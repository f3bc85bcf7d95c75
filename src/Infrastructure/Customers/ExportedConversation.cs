namespace Conversations.Infrastructure.Customers;

/// <summary>A conversation in a customer's data export.</summary>
public sealed record ExportedConversation(Guid Id, string? CustomerName, string Mode, DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt);
