namespace Conversations.Infrastructure.Accounts;

/// <summary>An employee as lists and the employees API show them: no credentials.</summary>
public sealed record EmployeeProfile(
    Guid Id,
    Guid BusinessId,
    string Email,
    string DisplayName,
    string Role,
    string Status,
    bool EmailVerified,
    DateTimeOffset CreatedAt);
