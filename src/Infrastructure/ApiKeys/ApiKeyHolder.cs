namespace Conversations.Infrastructure.ApiKeys;

/// <summary>Who a presented key acts for: its business, the employee who made it, and its scopes.</summary>
public sealed record ApiKeyHolder(Guid KeyId, Guid BusinessId, Guid EmployeeId, IReadOnlyList<string> Scopes);
