using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Roles;

[Collection(AppCollection.Name)]
public sealed class RolesApiTests(AppFixture fixture)
{
    private AccountsClient Accounts => new(fixture.App);

    public sealed record RoleBody(Guid Id, string Name, string[] Permissions, bool IsSystem, long Employees);

    [Fact]
    public async Task Owners_list_the_four_system_roles_with_their_permissions_and_agents_may_not()
    {
        var owner = await Accounts.NewOwnerAsync();
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");

        var roles = await ListAsync(owner.AccessToken);
        Assert.Equal(["owner", "admin", "agent", "viewer"], roles.Select(r => r.Name));
        Assert.All(roles, r => Assert.True(r.IsSystem));
        Assert.Equal(Permissions.All.Select(p => p.Name), roles[0].Permissions);
        Assert.DoesNotContain(Permissions.BillingManage, roles[1].Permissions);
        Assert.Contains(Permissions.BookingsWrite, roles[2].Permissions);
        Assert.DoesNotContain(roles[3].Permissions, p => !p.EndsWith(".read", StringComparison.Ordinal));
        Assert.Equal([1L, 0L, 1L, 0L], roles.Select(r => r.Employees));

        using var byAgent = await Accounts.GetAsync("/api/roles", agent.AccessToken);
        await byAgent.AssertProblemAsync(HttpStatusCode.Forbidden, "permission");
        Assert.Contains(Permissions.RolesManage, await byAgent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // What a token's role grants is in the login answer, for the dashboard.
        Assert.Equal(roles[2].Permissions, agent.Employee.Permissions);
    }

    [Fact]
    public async Task A_custom_role_grants_exactly_its_permissions_and_a_change_refuses_its_holders_old_tokens_at_once()
    {
        var owner = await Accounts.NewOwnerAsync();
        using var created = await Accounts.PostAsync("/api/roles", new { name = "front-desk", permissions = new[] { Permissions.ConversationsRead, Permissions.CustomersRead } }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var role = (await created.Content.ReadFromJsonAsync<RoleBody>())!;
        Assert.Equal(($"/api/roles/{role.Id}", false), (created.Headers.Location?.OriginalString, role.IsSystem));

        var desk = await Accounts.NewEmployeeAsync(owner, "front-desk");
        Assert.Equal("front-desk", desk.Employee.Role);
        Assert.Equal(1, AccountsClient.Claims(desk.AccessToken).GetProperty("role_version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Accounts.GetAsync("/api/conversations", desk.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.GetAsync("/api/customers", desk.AccessToken)).StatusCode);
        using (var refused = await Accounts.PostAsync("/api/customers", new { name = "Walk-in" }, desk.AccessToken))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "permission");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Accounts.GetAsync("/api/bookings", desk.AccessToken)).StatusCode);

        using var changed = await Accounts.SendAsync(
            HttpMethod.Patch, $"/api/roles/{role.Id}",
            new { permissions = new[] { Permissions.ConversationsRead, Permissions.CustomersRead, Permissions.CustomersWrite } }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(Permissions.CustomersWrite, (await changed.Content.ReadFromJsonAsync<RoleBody>())!.Permissions);

        // The token of the old version is refused at once; the refreshed one carries the new version and grants.
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(desk.AccessToken));
        var refreshed = (await Accounts.RefreshAsync(desk.RefreshToken))!;
        Assert.Equal(2, AccountsClient.Claims(refreshed.AccessToken).GetProperty("role_version").GetInt32());
        Assert.Contains(Permissions.CustomersWrite, refreshed.Employee.Permissions);
        using (var allowed = await Accounts.PostAsync("/api/customers", new { name = "Walk-in" }, refreshed.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        // Renaming it renames its holders' role too, and their tokens of the old name stop counting.
        using var renamed = await Accounts.SendAsync(HttpMethod.Patch, $"/api/roles/{role.Id}", new { name = "reception" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(refreshed.AccessToken));
        var again = (await Accounts.RefreshAsync(refreshed.RefreshToken))!;
        Assert.Equal("reception", AccountsClient.Claims(again.AccessToken).GetProperty("role").GetString());
        Assert.Equal("reception", await fixture.Database.ScalarAsync<string>("SELECT role FROM employees WHERE id = @e", ("e", desk.Employee.Id)));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.GetAsync("/api/customers", again.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_permissions_reserved_or_taken_names_and_system_roles_are_refused_naming_the_field()
    {
        var owner = await Accounts.NewOwnerAsync();
        var system = await ListAsync(owner.AccessToken);

        using (var unknown = await Accounts.PostAsync("/api/roles", new { name = "helpers", permissions = new[] { "conversations.read", "everything.please" } }, owner.AccessToken))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "permissions");
            Assert.Contains("everything.please", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await Accounts.PostAsync("/api/roles", new { name = "helpers" }, owner.AccessToken))
        {
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "permissions");
        }

        using (var reserved = await Accounts.PostAsync("/api/roles", new { name = "admin", permissions = Array.Empty<string>() }, owner.AccessToken))
        {
            await reserved.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        }

        using (var badName = await Accounts.PostAsync("/api/roles", new { name = "Front Desk", permissions = Array.Empty<string>() }, owner.AccessToken))
        {
            await badName.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        }

        using (var first = await Accounts.PostAsync("/api/roles", new { name = "helpers", permissions = Array.Empty<string>() }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var taken = await Accounts.PostAsync("/api/roles", new { name = "helpers", permissions = Array.Empty<string>() }, owner.AccessToken))
        {
            await taken.AssertProblemAsync(HttpStatusCode.Conflict, "name");
        }

        using (var patchSystem = await Accounts.SendAsync(HttpMethod.Patch, $"/api/roles/{system[2].Id}", new { permissions = Array.Empty<string>() }, owner.AccessToken))
        {
            await patchSystem.AssertProblemAsync(HttpStatusCode.Conflict, "id");
        }

        using (var deleteSystem = await Accounts.SendAsync(HttpMethod.Delete, $"/api/roles/{system[3].Id}", accessToken: owner.AccessToken))
        {
            await deleteSystem.AssertProblemAsync(HttpStatusCode.Conflict, "id");
        }

        using (var inviteUnknown = await Accounts.PostAsync("/api/employees", new { email = AccountsClient.NewEmail("x"), role = "nobody" }, owner.AccessToken))
        {
            await inviteUnknown.AssertProblemAsync(HttpStatusCode.BadRequest, "role");
            Assert.Contains("helpers", await inviteUnknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(5, (await ListAsync(owner.AccessToken)).Count);
    }

    [Fact]
    public async Task A_role_in_use_is_not_deleted_until_nobody_holds_it_and_another_business_never_sees_it()
    {
        var owner = await Accounts.NewOwnerAsync();
        var role = await CreateAsync(owner.AccessToken, "night-shift", Permissions.ConversationsRead);
        var holder = await Accounts.NewEmployeeAsync(owner, "night-shift");

        using (var inUse = await Accounts.SendAsync(HttpMethod.Delete, $"/api/roles/{role.Id}", accessToken: owner.AccessToken))
        {
            await inUse.AssertProblemAsync(HttpStatusCode.Conflict, "id");
        }

        var other = await Accounts.NewOwnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.GetAsync($"/api/roles/{role.Id}", other.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.SendAsync(HttpMethod.Patch, $"/api/roles/{role.Id}", new { name = "mine" }, other.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.SendAsync(HttpMethod.Delete, $"/api/roles/{role.Id}", accessToken: other.AccessToken)).StatusCode);
        Assert.DoesNotContain(await ListAsync(other.AccessToken), r => r.Name == "night-shift");

        // Nor can another business give its people this business's role.
        using (var borrowed = await Accounts.PostAsync("/api/employees", new { email = AccountsClient.NewEmail("b"), role = "night-shift" }, other.AccessToken))
        {
            await borrowed.AssertProblemAsync(HttpStatusCode.BadRequest, "role");
        }

        using (var moved = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{holder.Employee.Id}", new { role = "viewer" }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using (var deleted = await Accounts.SendAsync(HttpMethod.Delete, $"/api/roles/{role.Id}", accessToken: owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.GetAsync($"/api/roles/{role.Id}", owner.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Nobody_gives_away_a_permission_they_lack_and_the_last_owner_stays()
    {
        var owner = await Accounts.NewOwnerAsync();
        var admin = await Accounts.NewEmployeeAsync(owner, "admin");

        // Admins manage roles, but not with the permissions only owners have.
        using (var billing = await Accounts.PostAsync("/api/roles", new { name = "accounts", permissions = new[] { Permissions.BillingManage } }, admin.AccessToken))
        {
            await billing.AssertProblemAsync(HttpStatusCode.Forbidden, "permissions");
        }

        var treasurer = await CreateAsync(owner.AccessToken, "treasurer", Permissions.BillingManage, Permissions.ConversationsRead);
        using (var narrow = await Accounts.SendAsync(HttpMethod.Patch, $"/api/roles/{treasurer.Id}", new { permissions = new[] { Permissions.ConversationsRead } }, admin.AccessToken))
        {
            await narrow.AssertProblemAsync(HttpStatusCode.Forbidden, "permissions");
        }

        using (var grant = await Accounts.PostAsync("/api/employees", new { email = AccountsClient.NewEmail("t"), role = "treasurer" }, admin.AccessToken))
        {
            await grant.AssertProblemAsync(HttpStatusCode.Forbidden, "role");
        }

        var helpers = await CreateAsync(admin.AccessToken, "helpers", Permissions.ConversationsRead, Permissions.NotesWrite);
        Assert.Equal([Permissions.ConversationsRead, Permissions.NotesWrite], helpers.Permissions);

        // The last owner cannot be demoted, not even by themselves.
        using (var demote = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{owner.Employee.Id}", new { role = "helpers" }, owner.AccessToken))
        {
            await demote.AssertProblemAsync(HttpStatusCode.Conflict, "role");
        }

        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(owner.AccessToken));
    }

    [Fact]
    public async Task An_api_key_gets_only_scopes_whose_permissions_its_makers_role_holds()
    {
        var owner = await Accounts.NewOwnerAsync();
        await CreateAsync(owner.AccessToken, "integrator", Permissions.IntegrationsManage, Permissions.ConversationsRead);
        var integrator = await Accounts.NewEmployeeAsync(owner, "integrator");

        using (var beyond = await Accounts.PostAsync("/api/api-keys", new { name = "Bookings sync", scopes = new[] { "conversations:read", "bookings:manage" } }, integrator.AccessToken))
        {
            await beyond.AssertProblemAsync(HttpStatusCode.Forbidden, "scopes");
            Assert.Contains("bookings:manage", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var within = await Accounts.PostAsync("/api/api-keys", new { name = "Inbox mirror", scopes = new[] { "conversations:read" } }, integrator.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        }
    }

    [Fact]
    public async Task A_viewer_reads_but_changes_nothing_and_an_employee_moved_to_viewer_loses_writing_at_once()
    {
        var owner = await Accounts.NewOwnerAsync();
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        using (var byAgent = await Accounts.PostAsync("/api/customers", new { name = "Ana" }, agent.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Created, byAgent.StatusCode);
        }

        using (var demoted = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{agent.Employee.Id}", new { role = "viewer" }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(agent.AccessToken));
        var viewer = (await Accounts.RefreshAsync(agent.RefreshToken))!;
        Assert.False(AccountsClient.Claims(viewer.AccessToken).TryGetProperty("role_version", out _));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.GetAsync("/api/customers", viewer.AccessToken)).StatusCode);
        using (var byViewer = await Accounts.PostAsync("/api/customers", new { name = "Berta" }, viewer.AccessToken))
        {
            await byViewer.AssertProblemAsync(HttpStatusCode.Forbidden, "permission");
        }

        // Their own account stays theirs.
        using var password = await Accounts.PostAsync(
            "/api/auth/change-password", new { currentPassword = AccountsClient.Password, newPassword = "another sturdy passphrase 7" }, viewer.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);
    }

    private async Task<IReadOnlyList<RoleBody>> ListAsync(string accessToken)
    {
        using var response = await Accounts.GetAsync("/api/roles", accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<RoleBody>>())!;
    }

    private async Task<RoleBody> CreateAsync(string accessToken, string name, params string[] permissions)
    {
        using var response = await Accounts.PostAsync("/api/roles", new { name, permissions }, accessToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RoleBody>())!;
    }
}
