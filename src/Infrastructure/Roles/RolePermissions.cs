using System.Collections.Frozen;
using Microsoft.Extensions.Caching.Memory;

namespace Conversations.Infrastructure.Roles;

/// <summary>
/// What a role grants, for permission checks on every request: the system roles from code, a business's own roles
/// from <c>roles</c>, cached per business and role name. A change made through this node invalidates its entry;
/// other nodes learn of it from the tokens themselves, which carry the role's version: a token newer than the cached
/// entry reloads it, and a token older than the role's current version is granted nothing (its employee grain refuses
/// it as well, and the client refreshes to a token of the new version).
/// </summary>
public sealed class RolePermissions(RoleStore store, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly IReadOnlySet<string> Nothing = FrozenSet<string>.Empty;
    private static readonly FrozenDictionary<string, RoleGrant> System =
        SystemRoles.All.ToFrozenDictionary(r => r.Name, RoleGrant.Of, StringComparer.Ordinal);

    /// <summary>The role of this name that employees of the business may hold, or <c>null</c> when there is none.</summary>
    public async ValueTask<RoleGrant?> FindAsync(Guid businessId, string role, CancellationToken cancellationToken = default)
    {
        if (System.TryGetValue(role, out var system))
        {
            return system;
        }

        var key = new RoleKey(businessId, role);
        if (cache.TryGetValue(key, out RoleGrant? cached) && cached is not null)
        {
            return cached;
        }

        var grant = await store.FindGrantAsync(businessId, role, cancellationToken);
        if (grant is not null)
        {
            cache.Set(key, grant, Lifetime);
        }

        return grant;
    }

    /// <summary>
    /// The role as stored now, bypassing (and refreshing) this node's cache: for issuing tokens and granting roles,
    /// where a copy cached before another node changed the role would hand out a version its holders' grains refuse.
    /// </summary>
    public async ValueTask<RoleGrant?> CurrentAsync(Guid businessId, string role, CancellationToken cancellationToken = default)
    {
        if (System.TryGetValue(role, out var system))
        {
            return system;
        }

        Invalidate(businessId, role);
        return await FindAsync(businessId, role, cancellationToken);
    }

    /// <summary>The permissions a token grants: those of its role at the version it carries, else none.</summary>
    public async ValueTask<IReadOnlySet<string>> OfTokenAsync(Guid businessId, string role, int version, CancellationToken cancellationToken = default)
    {
        var grant = await FindAsync(businessId, role, cancellationToken);
        if (grant is not null && grant.Version < version)
        {
            // Changed through another node since this one cached it.
            Invalidate(businessId, role);
            grant = await FindAsync(businessId, role, cancellationToken);
        }

        return grant is not null && grant.Version == version ? grant.Permissions : Nothing;
    }

    /// <summary>Forgets the cached role after a change.</summary>
    public void Invalidate(Guid businessId, string role) => cache.Remove(new RoleKey(businessId, role));

    private sealed record RoleKey(Guid BusinessId, string Role);
}
