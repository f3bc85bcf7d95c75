namespace Conversations.Infrastructure.Accounts;

/// <summary>Where an employee is in their life cycle; the names are stored in <c>employees.status</c>.</summary>
public static class EmployeeStatus
{
    /// <summary>Invited, has not accepted yet: cannot log in.</summary>
    public const string Pending = "pending";

    public const string Active = "active";

    /// <summary>Removed by an owner or admin: cannot log in, every token refused.</summary>
    public const string Deactivated = "deactivated";
}
