using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Payments;

/// <summary>The businesses' plans: subscribing through Stripe, the limits of a plan, the owner's warnings.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PlanTests(PaymentsFixture fixture)
{
    [Fact]
    public async Task The_plans_with_their_limits_and_prices_are_listed_without_an_account()
    {
        using var anonymous = fixture.App.CreateClient();
        var plans = await anonymous.GetFromJsonAsync<JsonElement>("/api/plans");
        var starter = Assert.Single(plans.EnumerateArray(), p => p.GetProperty("id").GetString() == "starter");
        Assert.Equal("Starter", starter.GetProperty("name").GetString());
        Assert.Equal(3, starter.GetProperty("agents").GetInt32());
        Assert.Equal(500, starter.GetProperty("aiConversationsPerMonth").GetInt32());
        Assert.Equal(2900, starter.GetProperty("monthlyPriceMinor").GetInt64());
        Assert.Equal("EUR", starter.GetProperty("currency").GetString());
        Assert.True(starter.GetProperty("isDefault").GetBoolean());

        // A plan without a price is sold on request; one without limits has none.
        var enterprise = Assert.Single(plans.EnumerateArray(), p => p.GetProperty("id").GetString() == "enterprise");
        Assert.Equal(JsonValueKind.Null, enterprise.GetProperty("monthlyPriceMinor").ValueKind);
        Assert.Equal(JsonValueKind.Null, enterprise.GetProperty("agents").ValueKind);
        Assert.False(enterprise.GetProperty("isDefault").GetBoolean());
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("id").GetString() == "tiny");
    }

    [Fact]
    public async Task A_new_business_is_on_the_starter_trial_and_cannot_invite_beyond_its_agents()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Small team");
        var subscription = await owner.GetFromJsonAsync<JsonElement>("/api/subscription");
        Assert.Equal("starter", subscription.GetProperty("plan").GetString());
        Assert.Equal("trial", subscription.GetProperty("status").GetString());
        Assert.Equal(3, subscription.GetProperty("limits").GetProperty("agents").GetInt32());
        Assert.Equal(1, subscription.GetProperty("usage").GetProperty("agents").GetInt32());

        foreach (var n in new[] { 1, 2 })
        {
            using var invited = await owner.PostAsJsonAsync("/api/employees", new { email = $"agent{n}-{Guid.NewGuid():N}@example.test", role = "agent" });
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        using var refused = await owner.PostAsJsonAsync("/api/employees", new { email = $"agent3-{Guid.NewGuid():N}@example.test", role = "agent" });
        await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "agents");
        var problem = await refused.BodyAsync();
        Assert.Equal("agents", problem.GetProperty("limit").GetString());
        Assert.Equal(3, problem.GetProperty("allowed").GetInt32());
        Assert.Contains("Starter plan includes 3 agents", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The owner heard at 80 % (3 of 3 is both thresholds at once) — one notification per threshold.
        var notifications = await owner.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Equal(2, notifications.EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "plan_limit"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM employees WHERE business_id = @b AND email LIKE 'agent3-%'", ("b", tenant.BusinessId)));
    }

    [Fact]
    public async Task Beyond_the_months_ai_conversations_the_assistant_hands_new_conversations_to_people()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Busy", assistant: true);
        await OnPlanAsync(tenant.BusinessId, "tiny"); // 5 AI conversations a month

        var customers = Enumerable.Range(0, 6).Select(_ => PaymentsFixture.NewCustomer()).ToList();
        for (var i = 0; i < 4; i++)
        {
            await fixture.App.CustomerWritesAsync(tenant, customers[i], $"wamid.{Guid.NewGuid():N}", "Hello!");
            await AssistantRepliesAsync(owner, ConversationIds.For(tenant.BusinessId, customers[i]), 1);
        }

        // 4 of 5: the owner is warned once.
        var warned = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>("/api/notifications"),
            n => n.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "plan_limit"), TimeSpan.FromSeconds(10), "the 80 % notice");
        var notice = Assert.Single(warned.EnumerateArray(), x => x.GetProperty("kind").GetString() == "plan_limit");
        Assert.Contains("80 % of your Tiny plan's AI conversations this month used: 4 of 5", notice.GetProperty("title").GetString(), StringComparison.Ordinal);

        await fixture.App.CustomerWritesAsync(tenant, customers[4], $"wamid.{Guid.NewGuid():N}", "Hello!");
        await AssistantRepliesAsync(owner, ConversationIds.For(tenant.BusinessId, customers[4]), 1);

        // The sixth new conversation goes to the team, with the reason.
        var sixth = ConversationIds.For(tenant.BusinessId, customers[5]);
        await fixture.App.CustomerWritesAsync(tenant, customers[5], $"wamid.{Guid.NewGuid():N}", "Hello!");
        var assistant = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{sixth}/assistant"),
            a => a.GetProperty("mode").GetString() == "human", TimeSpan.FromSeconds(15), "the sixth conversation with the people");
        Assert.Equal("plan_limit", assistant.GetProperty("latestHandoff").GetProperty("reason").GetString());
        Assert.DoesNotContain(await PaymentsFixture.MessagesAsync(owner, sixth), m => m.GetProperty("sender").GetString() == "assistant");

        // A conversation admitted this month goes on.
        var first = ConversationIds.For(tenant.BusinessId, customers[0]);
        await fixture.App.CustomerWritesAsync(tenant, customers[0], $"wamid.{Guid.NewGuid():N}", "what services do you have?");
        await AssistantRepliesAsync(owner, first, 2);

        var all = await owner.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Equal(2, all.EnumerateArray().Count(x => x.GetProperty("kind").GetString() == "plan_limit"));
        Assert.Equal(5, (await owner.GetFromJsonAsync<JsonElement>("/api/subscription")).GetProperty("usage").GetProperty("aiConversationsThisMonth").GetInt32());
    }

    [Fact]
    public async Task An_owner_subscribes_through_checkout_and_stripes_events_set_the_plan_and_invoices()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Growing");

        using (var unknown = await owner.PostAsJsonAsync("/api/subscription/checkout", new { plan = "platinum" }))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "plan");
        }

        using (var notSold = await owner.PostAsJsonAsync("/api/subscription/checkout", new { plan = "enterprise" }))
        {
            await notSold.AssertProblemAsync(HttpStatusCode.Conflict, "plan");
        }

        using var checkout = await owner.PostAsJsonAsync("/api/subscription/checkout", new { plan = "professional" });
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var sessionId = (await checkout.BodyAsync()).GetProperty("url").GetString()!.Split('/')[^1];
        var created = System.Web.HttpUtility.ParseQueryString(fixture.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Body.Contains("mode=subscription", StringComparison.Ordinal) && r.Body.Contains(tenant.BusinessId.ToString(), StringComparison.Ordinal)).Body);
        Assert.Equal("subscription", created["mode"]);
        Assert.Equal(PaymentsFixture.ProfessionalPrice, created["line_items[0][price]"]);
        Assert.Equal(tenant.BusinessId.ToString(), created["subscription_data[metadata][business_id]"]);
        Assert.StartsWith("cus_", created["customer"], StringComparison.Ordinal);

        var session = fixture.Stripe.CompleteSubscription(sessionId);
        var subscriptionId = session["subscription"]!.GetValue<string>();
        var customerId = session["customer"]!.GetValue<string>();
        var t0 = DateTimeOffset.UtcNow;
        await fixture.DeliverEventAsync("customer.subscription.created", fixture.Stripe.Subscription(subscriptionId), created: t0);
        await fixture.DeliverEventAsync("checkout.session.completed", session, created: t0.AddSeconds(1));
        await fixture.DeliverEventAsync("invoice.paid", Invoice(customerId, subscriptionId, "GROW-0001", 4900, "paid"), created: t0.AddSeconds(2));

        var subscribed = await owner.GetFromJsonAsync<JsonElement>("/api/subscription");
        Assert.Equal("professional", subscribed.GetProperty("plan").GetString());
        Assert.Equal("active", subscribed.GetProperty("status").GetString());
        Assert.Equal(15, subscribed.GetProperty("limits").GetProperty("agents").GetInt32());
        Assert.Equal(JsonValueKind.String, subscribed.GetProperty("currentPeriodEnd").ValueKind);
        var invoices = await owner.GetFromJsonAsync<JsonElement>("/api/subscription/invoices");
        var invoice = Assert.Single(invoices.EnumerateArray());
        Assert.Equal("GROW-0001", invoice.GetProperty("number").GetString());
        Assert.Equal(4900, invoice.GetProperty("amountPaid").GetInt64());
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        Assert.StartsWith("https://invoice.stripe.test/", invoice.GetProperty("hostedUrl").GetString(), StringComparison.Ordinal);

        using (var again = await owner.PostAsJsonAsync("/api/subscription/checkout", new { plan = "professional" }))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, "plan");
        }

        // A change of plan goes to Stripe's subscription; its event confirms it.
        using (var change = await owner.PostAsJsonAsync("/api/subscription/upgrade", new { plan = "starter" }))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
            Assert.Equal("starter", (await change.BodyAsync()).GetProperty("plan").GetString());
        }

        var changed = fixture.Stripe.Subscription(subscriptionId);
        Assert.Equal(PaymentsFixture.StarterPrice, changed["items"]!["data"]![0]!["price"]!["id"]!.GetValue<string>());
        await fixture.DeliverEventAsync("customer.subscription.updated", changed, created: t0.AddSeconds(3));

        // An older event delivered late changes nothing.
        await fixture.DeliverEventAsync("customer.subscription.updated", Professional(changed), created: t0.AddSeconds(2));
        Assert.Equal("starter", (await owner.GetFromJsonAsync<JsonElement>("/api/subscription")).GetProperty("plan").GetString());

        using (var cancel = await owner.PostAsJsonAsync("/api/subscription/cancel", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.True((await cancel.BodyAsync()).GetProperty("cancelAtPeriodEnd").GetBoolean());
        }

        Assert.True(fixture.Stripe.Subscription(subscriptionId)["cancel_at_period_end"]!.GetValue<bool>());
        var ended = fixture.Stripe.Subscription(subscriptionId);
        ended["status"] = "canceled";
        await fixture.DeliverEventAsync("customer.subscription.deleted", ended, created: t0.AddSeconds(4));
        var after = await owner.GetFromJsonAsync<JsonElement>("/api/subscription");
        Assert.Equal("starter", after.GetProperty("plan").GetString());
        Assert.Equal("canceled", after.GetProperty("status").GetString());

        using (var nothingToCancel = await owner.PostAsJsonAsync("/api/subscription/cancel", new { }))
        {
            await nothingToCancel.AssertProblemAsync(HttpStatusCode.Conflict, "subscription");
        }
    }

    [Fact]
    public async Task Only_owners_manage_the_plan()
    {
        var (tenant, _) = await fixture.NewTenantAsync("Owners only");
        var agent = await AgentAsync(tenant);
        foreach (var (method, path) in new[] { ("GET", "/api/subscription"), ("GET", "/api/subscription/invoices"), ("POST", "/api/subscription/checkout"), ("POST", "/api/subscription/cancel") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { plan = "professional" }) : null };
            using var response = await agent.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private async Task<HttpClient> AgentAsync(TestTenant tenant)
    {
        var owner = await fixture.App.ClientOfAsync(tenant);
        var email = $"agent-{Guid.NewGuid():N}@example.test";
        (await owner.PostAsJsonAsync("/api/employees", new { email, role = "agent" })).EnsureSuccessStatusCode();
        var token = fixture.App.Mailbox.LatestToken(email, "accept-invitation");
        using var accepted = await fixture.App.CreateClient().PostAsJsonAsync("/api/auth/accept-invitation", new { token, displayName = "Agent", password = "correct horse battery staple" });
        accepted.EnsureSuccessStatusCode();
        return fixture.Client((await accepted.BodyAsync()).GetProperty("accessToken").GetString()!);
    }

    private async Task OnPlanAsync(Guid businessId, string plan)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "INSERT INTO subscriptions (business_id, plan, status, updated_at) VALUES (@b, @plan, 'active', now())");
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("plan", plan);
        await command.ExecuteNonQueryAsync();
    }

    private static JsonObject Professional(JsonObject subscription)
    {
        var older = (JsonObject)subscription.DeepClone();
        older["items"]!["data"]![0]!["price"] = new JsonObject { ["id"] = PaymentsFixture.ProfessionalPrice, ["object"] = "price" };
        return older;
    }

    private static JsonObject Invoice(string customer, string subscription, string number, long amount, string status)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = $"in_{Guid.NewGuid():N}";
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoice",
            ["customer"] = customer,
            ["number"] = number,
            ["amount_due"] = amount,
            ["amount_paid"] = status == "paid" ? amount : 0,
            ["amount_remaining"] = status == "paid" ? 0 : amount,
            ["currency"] = "eur",
            ["status"] = status,
            ["hosted_invoice_url"] = $"https://invoice.stripe.test/i/{id}",
            ["period_start"] = now,
            ["period_end"] = now + 30 * 86_400,
            ["created"] = now,
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = new JsonObject() },
            },
        };
    }

    private static Task<IReadOnlyList<JsonElement>> AssistantRepliesAsync(HttpClient client, Guid conversation, int count) =>
        Eventually.GetAsync(
            async () => (IReadOnlyList<JsonElement>)(await PaymentsFixture.MessagesAsync(client, conversation)).Where(m => m.GetProperty("sender").GetString() == "assistant").ToList(),
            replies => replies.Count >= count, TimeSpan.FromSeconds(20), $"{count} assistant replies");
}
