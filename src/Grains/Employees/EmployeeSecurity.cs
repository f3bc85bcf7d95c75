namespace Conversations.Grains.Employees;

/// <summary>An employee's security facts as stored: what an employee grain loads on activation.</summary>
public sealed record EmployeeSecurity(Guid BusinessId, string Status, string Role, IReadOnlyCollection<Guid> LiveSessionIds)
{
    public const string Active = "active";
}
