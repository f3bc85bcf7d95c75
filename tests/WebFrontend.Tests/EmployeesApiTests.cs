using System.Net;
using System.Net.Http.Json;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class EmployeesApiTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    public sealed record EmployeeBody(Guid Id, Guid BusinessId, string Email, string DisplayName, string Role, string Status, bool EmailVerified);

    [Fact]
    public async Task Owner_invites_an_agent_who_accepts_and_is_listed_viewed_renamed_and_promoted()
    {
        var owner = await Accounts.NewOwnerAsync();
        var email = AccountsClient.NewEmail("agent");

        using var invited = await Accounts.PostAsync("/api/employees", new { email, role = "agent" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var pending = (await invited.Content.ReadFromJsonAsync<EmployeeBody>())!;
        Assert.Equal("pending", pending.Status);
        Assert.Equal($"/api/employees/{pending.Id}", invited.Headers.Location?.OriginalString);

        // Pending: no password yet, cannot log in.
        using (var early = await Accounts.PostAsync("/api/auth/login", new { email, password = AccountsClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, early.StatusCode);
        }

        var token = App.Mailbox.LatestToken(email, "accept-invitation");
        using var accepted = await Accounts.PostAsync("/api/auth/accept-invitation", new { token, displayName = "Ana Agent", password = AccountsClient.Password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var agent = (await accepted.Content.ReadFromJsonAsync<AccountsClient.Tokens>())!;
        Assert.Equal(pending.Id, agent.Employee.Id);
        Assert.Equal("agent", agent.Employee.Role);
        Assert.True(agent.Employee.EmailVerified);

        using (var again = await Accounts.PostAsync("/api/auth/accept-invitation", new { token, displayName = "Mallory", password = AccountsClient.Password }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        var list = await (await Accounts.GetAsync("/api/employees", agent.AccessToken)).Content.ReadFromJsonAsync<List<EmployeeBody>>();
        Assert.Equal([owner.Employee.Id, agent.Employee.Id], list!.Select(e => e.Id));
        Assert.Equal("active", list![1].Status);

        var viewed = await (await Accounts.GetAsync($"/api/employees/{agent.Employee.Id}", owner.AccessToken)).Content.ReadFromJsonAsync<EmployeeBody>();
        Assert.Equal("Ana Agent", viewed!.DisplayName);

        using var promoted = await Accounts.SendAsync(
            HttpMethod.Patch, $"/api/employees/{agent.Employee.Id}", new { role = "admin", displayName = "Ana Admin" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var updated = (await promoted.Content.ReadFromJsonAsync<EmployeeBody>())!;
        Assert.Equal(("admin", "Ana Admin"), (updated.Role, updated.DisplayName));

        // The agent's token carries the old role: refused at once; a refresh carries the new one.
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(agent.AccessToken));
        var refreshed = await Accounts.RefreshAsync(agent.RefreshToken);
        Assert.Equal("admin", AccountsClient.Claims(refreshed!.AccessToken).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(refreshed.AccessToken));
    }

    [Fact]
    public async Task Agents_cannot_invite_change_or_deactivate()
    {
        var owner = await Accounts.NewOwnerAsync();
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");

        using var invite = await Accounts.PostAsync("/api/employees", new { email = AccountsClient.NewEmail("x"), role = "agent" }, agent.AccessToken);
        using var patch = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{owner.Employee.Id}", new { role = "agent" }, agent.AccessToken);
        using var delete = await Accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{owner.Employee.Id}", accessToken: agent.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("owner", await fixture.Database.ScalarAsync<string>("SELECT role FROM employees WHERE id = @e", ("e", owner.Employee.Id)));
    }

    [Fact]
    public async Task Admins_cannot_make_or_remove_owners()
    {
        var owner = await Accounts.NewOwnerAsync();
        var admin = await Accounts.NewEmployeeAsync(owner, "admin");

        using var inviteOwner = await Accounts.PostAsync("/api/employees", new { email = AccountsClient.NewEmail("o"), role = "owner" }, admin.AccessToken);
        using var promoteSelf = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{admin.Employee.Id}", new { role = "owner" }, admin.AccessToken);
        using var removeOwner = await Accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{owner.Employee.Id}", accessToken: admin.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, inviteOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promoteSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removeOwner.StatusCode);
        Assert.Contains("\"role\"", await promoteSelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(owner.AccessToken));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted_or_deactivated_but_one_of_two_can()
    {
        var owner = await Accounts.NewOwnerAsync();

        using var demote = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{owner.Employee.Id}", new { role = "admin" }, owner.AccessToken);
        using var deactivate = await Accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{owner.Employee.Id}", accessToken: owner.AccessToken);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("\"role\"", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(owner.AccessToken));

        var second = await Accounts.NewEmployeeAsync(owner, "owner");
        using var demoteNow = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{owner.Employee.Id}", new { role = "admin" }, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, demoteNow.StatusCode);
        using var demoteLast = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{second.Employee.Id}", new { role = "agent" }, second.AccessToken);
        Assert.Equal(HttpStatusCode.Conflict, demoteLast.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_employees_tokens_stop_working_at_once()
    {
        var owner = await Accounts.NewOwnerAsync();
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        var otherDevice = await Accounts.LoginAsync(agent.Employee.Email);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(agent.AccessToken));

        using var deactivate = await Accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{agent.Employee.Id}", accessToken: owner.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(agent.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(otherDevice.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(agent.RefreshToken));
        using (var login = await Accounts.PostAsync("/api/auth/login", new { email = agent.Employee.Email, password = AccountsClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        var viewed = await (await Accounts.GetAsync($"/api/employees/{agent.Employee.Id}", owner.AccessToken)).Content.ReadFromJsonAsync<EmployeeBody>();
        Assert.Equal("deactivated", viewed!.Status);
    }

    [Fact]
    public async Task Another_business_gets_404_for_our_employee_ids()
    {
        var ours = await Accounts.NewOwnerAsync("Ours");
        var agent = await Accounts.NewEmployeeAsync(ours, "agent");
        var theirs = await Accounts.NewOwnerAsync("Theirs");

        foreach (var id in new[] { ours.Employee.Id, agent.Employee.Id })
        {
            using var get = await Accounts.GetAsync($"/api/employees/{id}", theirs.AccessToken);
            using var patch = await Accounts.SendAsync(HttpMethod.Patch, $"/api/employees/{id}", new { role = "agent", displayName = "Pwned" }, theirs.AccessToken);
            using var delete = await Accounts.SendAsync(HttpMethod.Delete, $"/api/employees/{id}", accessToken: theirs.AccessToken);

            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
            Assert.DoesNotContain("example.test", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var list = await (await Accounts.GetAsync("/api/employees", theirs.AccessToken)).Content.ReadFromJsonAsync<List<EmployeeBody>>();
        Assert.Equal([theirs.Employee.Id], list!.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(agent.AccessToken));
        Assert.Equal("agent", await fixture.Database.ScalarAsync<string>("SELECT role FROM employees WHERE id = @e", ("e", agent.Employee.Id)));
        Assert.Equal("The agent", await fixture.Database.ScalarAsync<string>("SELECT display_name FROM employees WHERE id = @e", ("e", agent.Employee.Id)));
    }

    [Fact]
    public async Task Inviting_a_registered_address_gets_409_and_bad_fields_get_400()
    {
        var owner = await Accounts.NewOwnerAsync();
        var other = await Accounts.SignUpAsync();

        using var taken = await Accounts.PostAsync("/api/employees", new { email = other.Email, role = "agent" }, owner.AccessToken);
        using var invalid = await Accounts.PostAsync("/api/employees", new { email = "nope", role = "janitor" }, owner.AccessToken);

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["email", "role"], problem!.Errors.Keys.Order());
    }
}
