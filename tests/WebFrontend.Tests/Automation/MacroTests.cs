using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Automation;

[Collection(AppCollection.Name)]
public sealed class MacroTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task A_macro_runs_its_actions_in_order_once_per_idempotency_key()
    {
        var tenant = await App.CreateTenantAsync("Macros");
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        using var manager = new AutomationClient(App, owner.AccessToken);
        var canned = await manager.CreateAsync("/api/canned-responses", new { shortcode = "refund", title = "Refund", body = "Hola {{customer.name}}, tu reembolso está en camino." });
        var macro = await manager.CreateAsync("/api/macros", new
        {
            name = "Refund issued",
            actions = new object[]
            {
                new { kind = "add_label", value = "refund" },
                new { kind = "set_priority", value = "high" },
                new { kind = "send_canned_response", cannedResponseId = canned },
                new { kind = "set_status", value = "pending" },
            },
        });
        var customer = "34622" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Quiero mi dinero");
        var conversation = AutomationClient.ConversationOf(tenant, customer);

        // Agents run macros (macros.run) but may not write them (macros.manage).
        using var agentClient = new AutomationClient(App, agent.AccessToken);
        using (var forbidden = await agentClient.Http.PostAsJsonAsync("/api/macros", new { name = "Mine", actions = new[] { new { kind = "hand_off" } } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var runs = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation}/macros/{macro}");
            request.Headers.Add("Idempotency-Key", "run-1");
            using var response = await agentClient.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            runs.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.False(runs[0].GetProperty("repeated").GetBoolean());
        Assert.True(runs[1].GetProperty("repeated").GetBoolean());
        Assert.Equal(runs[0].GetProperty("executionId").GetGuid(), runs[1].GetProperty("executionId").GetGuid());
        Assert.Equal(["done", "done", "done", "done"], runs[0].GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("result").GetString()));
        var after = runs[0].GetProperty("conversation");
        Assert.Equal("pending", after.GetProperty("status").GetString());
        Assert.Equal(["refund"], after.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("high", await fixture.Database.ScalarAsync<string>("SELECT priority FROM conversations WHERE id = @c", ("c", conversation)));

        // The canned response went out once, as the agent's, with its variables filled.
        var sent = (await manager.MessagesAsync(conversation)).Where(m => m.GetProperty("direction").GetString() == "outbound" && m.GetProperty("sender").GetString() == "employee").ToList();
        var reply = Assert.Single(sent);
        Assert.Equal(agent.Employee.Id, reply.GetProperty("employeeId").GetGuid());
        Assert.EndsWith("tu reembolso está en camino.", reply.GetProperty("body").GetString());

        var execution = Assert.Single(await manager.ExecutionsAsync(conversation));
        Assert.Equal(macro, execution.GetProperty("macroId").GetGuid());
        Assert.Equal(agent.Employee.Id, execution.GetProperty("employeeId").GetGuid());

        // Without a key every call is a run of its own.
        using (var again = await agentClient.Http.PostAsync($"/api/conversations/{conversation}/macros/{macro}", null))
        {
            Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        }

        Assert.Equal(2, (await manager.ExecutionsAsync(conversation)).Count);
        using var unknown = await agentClient.Http.PostAsync($"/api/conversations/{conversation}/macros/{Guid.NewGuid()}", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Macro_fields_are_validated_and_names_are_unique()
    {
        var tenant = await App.CreateTenantAsync("Macro fields");
        using var client = new AutomationClient(App, await App.LoginAsync(tenant));

        using var bad = await client.Http.PostAsJsonAsync("/api/macros", new
        {
            name = "Greet",
            actions = new object[] { new { kind = "send_canned_response", cannedResponseId = Guid.NewGuid() }, new { kind = "send_template", value = "Not A Name", language = "english" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["actions[0].cannedResponseId", "actions[1].language", "actions[1].value"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using (var empty = await client.Http.PostAsJsonAsync("/api/macros", new { name = "Nothing", actions = Array.Empty<object>() }))
        {
            Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("actions", out _));
        }

        await client.CreateAsync("/api/macros", new { name = "Escalate", actions = new[] { new { kind = "hand_off" } } });
        using var taken = await client.Http.PostAsJsonAsync("/api/macros", new { name = "ESCALATE", actions = new[] { new { kind = "hand_off" } } });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }
}
