namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// The names of the system roles every business has; the names are stored in <c>employees.role</c> and carried
/// in tokens. A business may add roles of its own (<c>Roles/</c>); what each role may do is its permissions.
/// </summary>
public static class EmployeeRoles
{
    /// <summary>Every permission; the only role that may make or change owners; the last one cannot leave.</summary>
    public const string Owner = "owner";

    public const string Admin = "admin";
    public const string Agent = "agent";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Owner, Admin, Agent, Viewer];
}
