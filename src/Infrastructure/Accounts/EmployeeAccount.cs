namespace Conversations.Infrastructure.Accounts;

/// <summary>An employee as login sees them.</summary>
public sealed record EmployeeAccount(
    Guid Id,
    Guid BusinessId,
    string Email,
    string DisplayName,
    string Role,
    string PasswordHash,
    bool IsActive,
    bool EmailVerified = true);
