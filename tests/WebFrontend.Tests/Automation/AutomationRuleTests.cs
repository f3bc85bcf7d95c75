using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Automation;

/// <summary>Rules through the real path: the signed WhatsApp webhook, the conversation grain, PostgreSQL, the APIs.</summary>
[Collection(AppCollection.Name)]
public sealed class AutomationRuleTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static string NewCustomer() => "34611" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_rule_assigns_and_labels_a_new_conversation_whose_first_message_matches()
    {
        var tenant = await App.CreateTenantAsync("Rules");
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var agent = await accounts.NewEmployeeAsync(owner, "agent");
        using var client = new AutomationClient(App, owner.AccessToken);
        var rule = await client.CreateAsync("/api/automation/rules", new
        {
            name = "Orders to the order desk",
            trigger = "conversation_created",
            conditions = new[] { new { kind = "text_contains", value = "PEDIDO" }, new { kind = "channel", value = "meta" } },
            actions = new object[] { new { kind = "assign", employeeId = agent.Employee.Id }, new { kind = "add_label", value = "Orders" } },
        });

        var matching = NewCustomer();
        var other = NewCustomer();
        await App.CustomerWritesAsync(tenant, matching, $"wamid.{Guid.NewGuid():N}", "Hola, ¿dónde está mi pedido?");
        await App.CustomerWritesAsync(tenant, other, $"wamid.{Guid.NewGuid():N}", "Hola, ¿abrís el domingo?");
        await App.CustomerWritesAsync(tenant, matching, $"wamid.{Guid.NewGuid():N}", "Otro mensaje sobre el pedido");

        var conversation = await Eventually.GetAsync(
            () => client.ConversationAsync(AutomationClient.ConversationOf(tenant, matching)),
            c => c.GetProperty("assigneeId").ValueKind == JsonValueKind.String, what: "the rule to assign the conversation");
        Assert.Equal(agent.Employee.Id, conversation.GetProperty("assigneeId").GetGuid());
        Assert.Equal("human", conversation.GetProperty("mode").GetString());
        Assert.Equal(["orders"], conversation.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));

        var untouched = await client.ConversationAsync(AutomationClient.ConversationOf(tenant, other));
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("assigneeId").ValueKind);
        Assert.Empty(untouched.GetProperty("labels").EnumerateArray());

        // Created once, so fired once, and the log says what each action did.
        var execution = Assert.Single(await client.ExecutionsAsync(AutomationClient.ConversationOf(tenant, matching)));
        Assert.Equal(rule, execution.GetProperty("ruleId").GetGuid());
        Assert.Equal("conversation_created", execution.GetProperty("trigger").GetString());
        Assert.Equal(["done", "done"], execution.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("result").GetString()));
        Assert.Empty(await client.ExecutionsAsync(AutomationClient.ConversationOf(tenant, other)));
        var history = await client.Http.GetFromJsonAsync<JsonElement>($"/api/assignments?conversationId={AutomationClient.ConversationOf(tenant, matching)}");
        Assert.Equal(["assign"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Loop_prone_rules_run_once_per_outside_event_and_never_fire_themselves()
    {
        var tenant = await App.CreateTenantAsync("Loops");
        using var client = new AutomationClient(App, await App.LoginAsync(tenant));

        // Each would re-fire itself: handing off on a hand-off, and resolving again on a resolution.
        var handOffAgain = await client.CreateAsync("/api/automation/rules", new
        {
            name = "Hand off again",
            trigger = "handed_off",
            actions = new object[] { new { kind = "hand_off" }, new { kind = "add_label", value = "requeued" } },
        });
        var resolveAgain = await client.CreateAsync("/api/automation/rules", new
        {
            name = "Reopen and resolve",
            trigger = "resolved",
            actions = new object[] { new { kind = "set_status", value = "open" }, new { kind = "set_status", value = "resolved" } },
        });
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola");
        var conversation = AutomationClient.ConversationOf(tenant, customer);

        using (var handoff = await client.Http.PostAsync($"/api/conversations/{conversation}/handoff", null))
        {
            Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        }

        using (var resolve = await client.Http.PostAsJsonAsync($"/api/conversations/{conversation}/status", new { status = "resolved" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        var executions = await client.ExecutionsAsync(conversation);
        Assert.Single(executions, e => e.GetProperty("ruleId").GetGuid() == handOffAgain);
        Assert.Single(executions, e => e.GetProperty("ruleId").GetGuid() == resolveAgain);
        Assert.Equal(2, executions.Count);

        var history = await client.Http.GetFromJsonAsync<JsonElement>($"/api/assignments?conversationId={conversation}");
        Assert.Equal(["handoff", "handoff"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var after = await client.ConversationAsync(conversation);
        Assert.Equal("resolved", after.GetProperty("status").GetString());
        Assert.Contains("requeued", after.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Round_robin_spreads_new_conversations_over_the_online_agents()
    {
        var tenant = await App.CreateTenantAsync("Round robin rule");
        var accounts = new AccountsClient(App);
        var owner = await accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var first = await accounts.NewEmployeeAsync(owner, "agent");
        var second = await accounts.NewEmployeeAsync(owner, "agent");
        await using var firstOnline = await App.ConnectHubAsync(first.AccessToken);
        await using var secondOnline = await App.ConnectHubAsync(second.AccessToken);
        using var client = new AutomationClient(App, owner.AccessToken);
        await client.CreateAsync("/api/automation/rules", new
        {
            name = "Spread", trigger = "conversation_created", actions = new[] { new { kind = "assign_round_robin" } },
        });

        var assignees = new List<Guid?>();
        for (var i = 0; i < 4; i++)
        {
            var customer = NewCustomer();
            await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola");
            assignees.Add(await Eventually.GetAsync(
                () => client.AssigneeAsync(AutomationClient.ConversationOf(tenant, customer)), a => a is not null, what: "round-robin to assign"));
        }

        Assert.Equal(2, assignees.Count(a => a == first.Employee.Id));
        Assert.Equal(2, assignees.Count(a => a == second.Employee.Id));
        Assert.DoesNotContain(owner.Employee.Id, assignees.OfType<Guid>());
        using var agentClient = new AutomationClient(App, first.AccessToken);
        Assert.Contains(await agentClient.NotificationsAsync(), n => n.GetProperty("kind").GetString() == "handoff");
    }

    [Fact]
    public async Task Rules_are_ordered_disabled_and_validated_field_by_field()
    {
        var tenant = await App.CreateTenantAsync("Rule fields");
        using var client = new AutomationClient(App, await App.LoginAsync(tenant));

        using var bad = await client.Http.PostAsJsonAsync("/api/automation/rules", new
        {
            name = "",
            trigger = "resolved",
            conditions = new[] { new { kind = "text_contains", value = "x" }, new { kind = "business_hours", value = "sometimes" } },
            actions = new object[] { new { kind = "assign", employeeId = Guid.NewGuid() }, new { kind = "set_priority", value = "extreme" }, new { kind = "explode" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["actions[0].employeeId", "actions[1].value", "actions[2].kind", "conditions[0].kind", "conditions[1].value", "name"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var first = await client.CreateAsync("/api/automation/rules", new { name = "First", trigger = "message_received", actions = new[] { new { kind = "add_label", value = "first" } } });
        var second = await client.CreateAsync("/api/automation/rules", new { name = "Second", trigger = "message_received", actions = new[] { new { kind = "add_label", value = "second" } } });
        using (var reordered = await client.Http.PutAsJsonAsync("/api/automation/rules/order", new { ruleIds = new[] { second, first } }))
        {
            Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
            Assert.Equal([second, first], (await reordered.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        }

        using (var partial = await client.Http.PutAsJsonAsync("/api/automation/rules/order", new { ruleIds = new[] { first } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
            Assert.True((await partial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ruleIds", out _));
        }

        using (var disable = await client.Http.PatchAsJsonAsync($"/api/automation/rules/{first}", new { enabled = false }))
        {
            Assert.False((await disable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        }

        using (var wrongTrigger = await client.Http.PatchAsJsonAsync($"/api/automation/rules/{first}", new { trigger = "nothing" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongTrigger.StatusCode);
        }

        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola");
        var conversation = AutomationClient.ConversationOf(tenant, customer);
        var labels = await Eventually.GetAsync(
            async () => (await client.ConversationAsync(conversation)).GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList(),
            l => l.Count > 0, what: "the enabled rule to label");
        Assert.Equal(["second"], labels);

        using var missing = await client.Http.GetAsync($"/api/automation/rules/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_booking_for_the_customer_runs_the_booking_created_rules_of_their_conversation()
    {
        var tenant = await App.CreateTenantAsync("Booking rule");
        using var client = new AutomationClient(App, await App.LoginAsync(tenant));
        await client.CreateAsync("/api/automation/rules", new
        {
            name = "Booked", trigger = "booking_created", actions = new[] { new { kind = "add_label", value = "booked" } },
        });
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Quiero una cita");
        var conversation = AutomationClient.ConversationOf(tenant, customer);
        var customerId = await fixture.Database.ScalarAsync<Guid>(
            "SELECT id FROM customers WHERE business_id = @b AND wa_id = @w", ("b", tenant.BusinessId), ("w", customer));
        var service = (await client.Http.GetFromJsonAsync<JsonElement>("/api/services")).EnumerateArray().First().GetProperty("id").GetGuid();

        using (var booking = await client.Http.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId, start = "2027-04-01T10:00:00Z" }))
        {
            Assert.Equal(HttpStatusCode.Created, booking.StatusCode);
        }

        var labels = await Eventually.GetAsync(
            async () => (await client.ConversationAsync(conversation)).GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList(),
            l => l.Count > 0, what: "the booking rule to label the conversation");
        Assert.Equal(["booked"], labels);
        // The grain is told one-way, so the log row may follow the label by a moment.
        var executions = await Eventually.GetAsync(() => client.ExecutionsAsync(conversation), e => e.Count > 0, what: "the log of the booking rule");
        Assert.Equal("booking_created", Assert.Single(executions).GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Business_hours_conditions_follow_the_opening_hours_and_a_closed_message_goes_out()
    {
        var tenant = await App.CreateTenantAsync("After hours");
        using var client = new AutomationClient(App, await App.LoginAsync(tenant));

        // Open one hour on a day that is not today: now is outside.
        string[] weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        var today = ((int)App.Clock.GetUtcNow().DayOfWeek + 6) % 7;
        using (var hours = await client.Http.PutAsJsonAsync("/api/availability/hours", new
        {
            weeklyHours = new[] { new { weekday = weekdays[(today + 2) % 7], opens = "09:00", closes = "10:00" } },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        }

        var closed = await client.CreateAsync("/api/canned-responses", new { shortcode = "closed", title = "Closed", body = "Ahora estamos cerrados, {{customer.name}}." });
        await client.CreateAsync("/api/automation/rules", new
        {
            name = "In hours", trigger = "conversation_created",
            conditions = new[] { new { kind = "business_hours", value = "inside" } },
            actions = new[] { new { kind = "add_label", value = "in-hours" } },
        });
        var afterHours = await client.CreateAsync("/api/automation/rules", new
        {
            name = "After hours", trigger = "conversation_created",
            conditions = new[] { new { kind = "business_hours", value = "outside" } },
            actions = new object[] { new { kind = "send_canned_response", cannedResponseId = closed }, new { kind = "add_label", value = "after-hours" } },
        });
        var customer = NewCustomer();
        await App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "¿Estáis?");
        var conversation = AutomationClient.ConversationOf(tenant, customer);

        var execution = await Eventually.GetAsync(
            async () => (await client.ExecutionsAsync(conversation)).ToList(), e => e.Count > 0, what: "the after-hours rule");
        Assert.Equal(afterHours, Assert.Single(execution).GetProperty("ruleId").GetGuid());
        Assert.Equal(["after-hours"], (await client.ConversationAsync(conversation)).GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var sent = await client.MessagesAsync(conversation);
        Assert.Contains(sent, m => m.GetProperty("sender").GetString() == "system" && m.GetProperty("body").GetString()!.StartsWith("Ahora estamos cerrados", StringComparison.Ordinal));
    }
}
