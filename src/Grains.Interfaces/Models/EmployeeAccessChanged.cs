namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// Sessions of the employee were revoked, or the employee was deactivated or their role (or its permissions)
/// changed: tokens that counted until now may not. Frontends re-check the employee's live connections and drop
/// those whose token no longer counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("conv.EmployeeAccessChanged")]
public sealed record EmployeeAccessChanged(Guid BusinessId, [property: Id(0)] Guid EmployeeId)
    : BusinessEvent(BusinessId, Guid.Empty);
