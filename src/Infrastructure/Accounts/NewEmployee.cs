namespace Conversations.Infrastructure.Accounts;

/// <param name="EmailVerified">False for public sign-up, whose owner must confirm the address.</param>
public sealed record NewEmployee(string Email, string DisplayName, string Password, bool EmailVerified = true);
