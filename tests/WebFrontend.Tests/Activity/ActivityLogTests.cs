using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Activity;

[Collection(AppCollection.Name)]
public sealed class ActivityLogTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    private async Task<(TestTenant Tenant, AccountsClient.Tokens Owner, HttpClient Client)> NewTenantAsync(string name)
    {
        var tenant = await App.CreateTenantAsync(name);
        var owner = await Accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        return (tenant, owner, Client(owner.AccessToken));
    }

    private HttpClient Client(string accessToken)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"/api/activity{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.BodyAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private static string Action(JsonElement entry) => entry.GetProperty("action").GetString()!;

    [Fact]
    public async Task Logins_and_failed_logins_are_recorded_with_the_address_and_device()
    {
        var (tenant, _, client) = await NewTenantAsync("Activity logins");
        using (var failed = await Accounts.PostAsync("/api/auth/login", new { email = tenant.OwnerEmail, password = "not the password" }, clientAddress: "203.0.113.7"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using (var ok = await Accounts.PostAsync("/api/auth/login", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword }, clientAddress: "203.0.113.8"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var entries = await EntriesAsync(client, "?action=auth");
        var employeeId = (await Accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword)).Employee.Id;
        var failure = Assert.Single(entries, e => Action(e) == "auth.login_failed");
        Assert.Equal("203.0.113.7", failure.GetProperty("ip").GetString());
        Assert.Equal("AccountsTests/1.0", failure.GetProperty("userAgent").GetString());
        Assert.Equal(employeeId, failure.GetProperty("employeeId").GetGuid());
        Assert.Equal("Owner", failure.GetProperty("employeeName").GetString());
        Assert.False(failure.GetProperty("details").GetProperty("locked").GetBoolean());
        var login = entries.First(e => Action(e) == "auth.login" && e.GetProperty("ip").GetString() == "203.0.113.8");
        Assert.Equal("session", login.GetProperty("targetType").GetString());
        Assert.All(entries, e => Assert.StartsWith("auth.", Action(e)));

        // An address nobody has belongs to no business: kept for the platform, shown to no business.
        var stranger = AccountsClient.NewEmail("nobody");
        using (var unknown = await Accounts.PostAsync("/api/auth/login", new { email = stranger, password = "whatever it is" }, clientAddress: "203.0.113.9"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM activity_logs WHERE business_id IS NULL AND action = 'auth.login_failed' AND ip = '203.0.113.9'::inet"));
        Assert.DoesNotContain(await EntriesAsync(client), e => e.GetProperty("ip").GetString() == "203.0.113.9");
    }

    [Fact]
    public async Task A_login_with_a_second_factor_is_recorded_when_the_second_step_succeeds_or_fails()
    {
        var owner = await Accounts.NewOwnerAsync("Activity second factor");
        using var setup = await Accounts.PostAsync("/api/auth/2fa/setup", null, owner.AccessToken);
        var secret = FromBase32((await setup.BodyAsync()).GetProperty("secret").GetString()!);
        using var enabled = await Accounts.PostAsync("/api/auth/2fa/enable", new { code = TotpCode(secret, App.Clock.GetUtcNow()) }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCode = (await enabled.BodyAsync()).GetProperty("recoveryCodes")[0].GetString();

        using var firstStep = await Accounts.PostAsync("/api/auth/login", new { email = owner.Employee.Email, password = AccountsClient.Password });
        var challenge = (await firstStep.BodyAsync()).GetProperty("challengeToken").GetString();
        using (var wrong = await Accounts.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, recoveryCode = "not-a-recovery-code" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var right = await Accounts.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, recoveryCode }))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        var entries = await EntriesAsync(Client(owner.AccessToken), "?action=auth");

        // Newest first: the successful and the failed second step, then the login after sign-up; the right password alone is no login.
        Assert.Equal(["auth.login", "auth.login_failed", "auth.login"], entries.Select(Action));
        Assert.All(entries.Take(2), e => Assert.True(e.GetProperty("details").GetProperty("secondFactor").GetBoolean()));
    }

    private static string TotpCode(byte[] key, DateTimeOffset at)
    {
        var counter = BitConverter.GetBytes((long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalSeconds / 30));
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[19] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(Alphabet.IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [Fact]
    public async Task Invitations_role_changes_and_deactivations_are_recorded_with_before_and_after()
    {
        var (_, owner, client) = await NewTenantAsync("Activity team");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        using (var promoted = await client.PatchAsJsonAsync($"/api/employees/{agent.Employee.Id}", new { role = "admin" }))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        using (var renamed = await client.PatchAsJsonAsync($"/api/employees/{agent.Employee.Id}", new { displayName = "Renamed only" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/employees/{agent.Employee.Id}")).StatusCode);

        var entries = await EntriesAsync(client, "?action=employee");
        Assert.Equal(["employee.deactivated", "employee.role_changed", "employee.invited"], entries.Select(Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("employee", e.GetProperty("targetType").GetString());
            Assert.Equal(agent.Employee.Id.ToString(), e.GetProperty("targetId").GetString());
            Assert.Equal(owner.Employee.Id, e.GetProperty("employeeId").GetGuid());
        });
        Assert.Equal("agent", entries[2].GetProperty("details").GetProperty("role").GetString());
        Assert.Equal(("agent", "admin"), (entries[1].GetProperty("details").GetProperty("from").GetString(), entries[1].GetProperty("details").GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Takeovers_releases_and_customer_exports_are_recorded_only_when_they_happen()
    {
        var (tenant, owner, client) = await NewTenantAsync("Activity handling");
        var customer = $"3471{Random.Shared.Next(1_000_000, 9_999_999)}";
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hello");
        var conversation = ConversationIds.For(tenant.BusinessId, customer);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/conversations/{conversation}/takeover", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/conversations/{conversation}/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/conversations/{Guid.NewGuid()}/takeover", null)).StatusCode);

        // The first version's routes, with the conversation in the body, are the same actions.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation, action = "release" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/conversations/takeover", new { conversationId = conversation, action = "steal" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/customers/export")).StatusCode);
        var customerId = (await (await client.GetAsync("/api/customers")).BodyAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/customers/{customerId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{Guid.NewGuid()}/export")).StatusCode);

        var entries = await EntriesAsync(client, "?action=conversation");
        Assert.Equal(["conversation.released", "conversation.taken_over", "conversation.released", "conversation.taken_over"], entries.Select(Action));
        Assert.All(entries, e => Assert.Equal(conversation.ToString(), e.GetProperty("targetId").GetString()));
        Assert.All(entries, e => Assert.Equal(owner.Employee.Id, e.GetProperty("employeeId").GetGuid()));

        var exports = await EntriesAsync(client, "?action=customer.data_exported");
        Assert.Equal(customerId.ToString(), Assert.Single(exports).GetProperty("targetId").GetString());
        Assert.Single(await EntriesAsync(client, "?action=customers.exported"));
    }

    [Fact]
    public async Task Only_owners_and_admins_read_the_log_and_only_their_business_s()
    {
        var (_, owner, client) = await NewTenantAsync("Activity roles");
        var admin = await Accounts.NewEmployeeAsync(owner, "admin");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        Assert.NotEmpty(await EntriesAsync(Client(admin.AccessToken)));
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(agent.AccessToken).GetAsync("/api/activity")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/activity")).StatusCode);

        var (_, _, other) = await NewTenantAsync("Activity elsewhere");
        var theirs = await EntriesAsync(other);
        var ours = (await EntriesAsync(client)).Select(e => e.GetProperty("id").GetInt64()).ToHashSet();
        Assert.NotEmpty(theirs);
        Assert.DoesNotContain(theirs, e => ours.Contains(e.GetProperty("id").GetInt64()));
        Assert.Empty(await EntriesAsync(other, $"?employeeId={owner.Employee.Id}"));
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_time_action_and_employee()
    {
        var (tenant, owner, client) = await NewTenantAsync("Activity pages");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        await Accounts.LoginAsync(agent.Employee.Email);
        for (var i = 0; i < 3; i++)
        {
            await Accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        }

        var all = await EntriesAsync(client);
        var ats = all.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(ats.OrderByDescending(a => a), ats);

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"/api/activity?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            var page = await response.BodyAsync();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(all.Select(e => e.GetProperty("id").GetInt64()), seen);

        var agentEntries = await EntriesAsync(client, $"?employeeId={agent.Employee.Id}");
        Assert.NotEmpty(agentEntries);
        Assert.All(agentEntries, e => Assert.Equal(agent.Employee.Id, e.GetProperty("employeeId").GetGuid()));

        var middle = all[2].GetProperty("at").GetDateTimeOffset();
        var from = Uri.EscapeDataString(middle.ToString("O"));
        var later = await EntriesAsync(client, $"?from={from}");
        Assert.All(later, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() >= middle));
        var earlier = await EntriesAsync(client, $"?to={from}");
        Assert.All(earlier, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() < middle));
        Assert.Equal(all.Count, later.Count + earlier.Count);
        Assert.Equal(4, (await EntriesAsync(client, "?action=auth.login")).Count(e => e.GetProperty("employeeId").GetGuid() == owner.Employee.Id));
    }

    [Theory]
    [InlineData("from=2026-01-01T10:00:00", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("action=Settings.Updated", "action")]
    [InlineData("action=auth.", "action")]
    [InlineData("employeeId=me", "employeeId")]
    [InlineData("cursor=bogus", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    public async Task A_bad_filter_is_a_problem_naming_it(string query, string field)
    {
        var (_, _, client) = await NewTenantAsync("Activity filters");
        await (await client.GetAsync($"/api/activity?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
