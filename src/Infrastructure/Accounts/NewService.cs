namespace Conversations.Infrastructure.Accounts;

public sealed record NewService(string Name, string Description, long PriceMinor, string Currency, int DurationMinutes);
