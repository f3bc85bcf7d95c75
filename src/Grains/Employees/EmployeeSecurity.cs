namespace Conversations.Grains.Employees;

/// <summary>An employee's security facts as stored: what an employee grain loads on activation.</summary>
/// <param name="RoleVersion">The change count of the business's own role <paramref name="Role"/>; 0 for a system role.</param>
public sealed record EmployeeSecurity(Guid BusinessId, string Status, string Role, IReadOnlyCollection<Guid> LiveSessionIds, int RoleVersion = 0)
{
    public const string Active = "active";
}
