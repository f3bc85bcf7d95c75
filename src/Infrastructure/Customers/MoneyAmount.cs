namespace Conversations.Infrastructure.Customers;

public sealed record MoneyAmount(long AmountMinor, string Currency);
