namespace Conversations.Infrastructure.Roles;

/// <summary>What holding a role grants, as permission checks read it.</summary>
/// <param name="Version">
/// The role's change count, carried in its holders' tokens (claim <c>role_version</c>); 0 for the system roles,
/// which change only with the code.
/// </param>
public sealed record RoleGrant(string Name, int Version, IReadOnlySet<string> Permissions, bool IsSystem)
{
    public static RoleGrant Of(SystemRole role) => new(role.Name, 0, role.Permissions, true);
}
