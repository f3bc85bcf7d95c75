using Conversations.Infrastructure.Roles;
using Microsoft.Extensions.Caching.Memory;

namespace Conversations.WebFrontend.Tests.Roles;

/// <summary>Two nodes' caches of a business's role, one of which changes it.</summary>
[Collection(AppCollection.Name)]
public sealed class RolePermissionsCacheTests(AppFixture fixture)
{
    [Fact]
    public async Task A_node_that_cached_a_role_follows_a_change_made_through_another_node()
    {
        var tenant = await fixture.App.CreateTenantAsync("Two nodes");
        var store = fixture.App.Service<RoleStore>();
        var created = await store.CreateAsync(tenant.BusinessId, "desk", [Permissions.ConversationsRead], DateTimeOffset.UtcNow, CancellationToken.None);
        using var cacheOfThis = new MemoryCache(new MemoryCacheOptions());
        using var cacheOfOther = new MemoryCache(new MemoryCacheOptions());
        var thisNode = new RolePermissions(store, cacheOfThis);
        var otherNode = new RolePermissions(store, cacheOfOther);
        Assert.Equal([Permissions.ConversationsRead], await thisNode.OfTokenAsync(tenant.BusinessId, "desk", 1));

        // The other node changes the role (the roles API there invalidates only its own cache).
        await store.UpdateAsync(tenant.BusinessId, created.Role!.Id, null, [Permissions.ConversationsRead, Permissions.NotesWrite], DateTimeOffset.UtcNow, CancellationToken.None);
        otherNode.Invalidate(tenant.BusinessId, "desk");

        // A token issued anywhere now carries version 2, read past the cache; this node reloads when it sees it.
        Assert.Equal(2, (await thisNode.CurrentAsync(tenant.BusinessId, "desk"))!.Version);
        Assert.Contains(Permissions.NotesWrite, await thisNode.OfTokenAsync(tenant.BusinessId, "desk", 2));
        Assert.Contains(Permissions.NotesWrite, await otherNode.OfTokenAsync(tenant.BusinessId, "desk", 2));

        // A token of the old version grants nothing anywhere, and the system roles come from code, version 0.
        Assert.Empty(await thisNode.OfTokenAsync(tenant.BusinessId, "desk", 1));
        Assert.Equal(SystemRoles.Agent.Permissions, await thisNode.OfTokenAsync(tenant.BusinessId, "agent", 0));
        Assert.Empty(await thisNode.OfTokenAsync(tenant.BusinessId, "agent", 3));
        Assert.Empty(await thisNode.OfTokenAsync(Guid.NewGuid(), "desk", 2));
    }
}
