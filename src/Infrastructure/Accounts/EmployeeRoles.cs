namespace Conversations.Infrastructure.Accounts;

/// <summary>The roles an employee can hold; the names are stored and carried in tokens.</summary>
public static class EmployeeRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Agent = "agent";

    public static IReadOnlyList<string> All { get; } = [Owner, Admin, Agent];

    public static bool IsKnown(string? role) => role is Owner or Admin or Agent;
}
