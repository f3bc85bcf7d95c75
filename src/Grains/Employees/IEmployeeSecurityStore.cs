using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Employees;

/// <summary>The <c>employees</c> and <c>employee_sessions</c> rows that employee grains read and write.</summary>
public interface IEmployeeSecurityStore
{
    /// <summary>The employee's status, role and live sessions, or <c>null</c> when there is no such employee.</summary>
    Task<EmployeeSecurity?> LoadAsync(Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes these sessions (and their refresh tokens) of the employee; returns those that were live.</summary>
    Task<Guid[]> RevokeSessionsAsync(Guid employeeId, Guid[] sessionIds, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes every live session of the employee except <paramref name="keep"/>; returns them.</summary>
    Task<Guid[]> RevokeOtherSessionsAsync(Guid employeeId, Guid? keep, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the role in one transaction that keeps at least one active owner per business and accepts only a
    /// system role or one of the business's own.
    /// </summary>
    Task<EmployeeChangeResult> ChangeRoleAsync(Guid businessId, Guid employeeId, string role, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deactivates the employee, revokes their sessions and spends their unused e-mailed tokens, in one
    /// transaction that keeps at least one active owner per business.
    /// </summary>
    Task<EmployeeChangeResult> DeactivateAsync(Guid businessId, Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
