namespace Conversations.Infrastructure.Roles;

/// <summary>A role every business has, defined here and copied into <c>roles</c> (<c>business_id</c> null) at start-up.</summary>
/// <param name="Id">Fixed, the same in every database (seeded by <c>0024_roles.sql</c>).</param>
public sealed record SystemRole(Guid Id, string Name, string Description, IReadOnlySet<string> Permissions);
