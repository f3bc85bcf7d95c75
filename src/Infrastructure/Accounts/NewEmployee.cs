namespace Conversations.Infrastructure.Accounts;

public sealed record NewEmployee(string Email, string DisplayName, string Password);
