namespace Conversations.Infrastructure.Roles;

/// <summary>A role as the roles API shows it.</summary>
/// <param name="Permissions">In the order <see cref="Roles.Permissions.All"/> lists them.</param>
/// <param name="Employees">How many of the business's employees (active or invited) hold it.</param>
public sealed record RoleView(
    Guid Id,
    string Name,
    IReadOnlyList<string> Permissions,
    bool IsSystem,
    long Employees,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
