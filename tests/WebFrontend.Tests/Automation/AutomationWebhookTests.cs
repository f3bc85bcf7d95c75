using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Integrations;

namespace Conversations.WebFrontend.Tests.Automation;

/// <summary>A rule's call_webhook action goes out through the business's outbound webhooks, like every other event.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class AutomationWebhookTests(WebhooksFixture fixture)
{
    [Fact]
    public async Task A_rule_with_call_webhook_posts_automation_triggered_to_subscribed_endpoints()
    {
        var app = fixture.App;
        var tenant = await app.CreateTenantAsync("Automation hooks");
        using var client = new AutomationClient(app, await app.LoginAsync(tenant));
        var path = $"/hooks/{Guid.NewGuid():N}";
        using (var endpoint = await client.Http.PostAsJsonAsync(
            "/api/webhooks/endpoints", new { url = fixture.Receiver.BaseUrl + path, eventTypes = new[] { "automation.triggered" } }))
        {
            Assert.Equal(HttpStatusCode.Created, endpoint.StatusCode);
        }

        var rule = await client.CreateAsync("/api/automation/rules", new
        {
            name = "Urgent to the CRM",
            trigger = "message_received",
            conditions = new[] { new { kind = "text_contains", value = "urgente" } },
            actions = new object[] { new { kind = "set_priority", value = "urgent" }, new { kind = "call_webhook" } },
        });
        var customer = $"3465{Random.Shared.Next(1_000_000, 9_999_999)}";
        await app.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola");
        await app.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Es URGENTE, por favor");

        var received = await Eventually.GetAsync(() => Task.FromResult(fixture.Receiver.At(path)), r => r.Count >= 1, what: "the automation webhook");
        await Task.Delay(500);
        var post = Assert.Single(fixture.Receiver.At(path));
        Assert.Matches("^atm_[0-9a-f-]{36}$", post.Id!);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("automation.triggered", body["type"]!.GetValue<string>());
        Assert.Equal(rule, body["data"]!["ruleId"]!.GetValue<Guid>());
        Assert.Equal("message_received", body["data"]!["trigger"]!.GetValue<string>());
        Assert.Equal(AutomationClient.ConversationOf(tenant, customer), body["data"]!["conversationId"]!.GetValue<Guid>());
        Assert.Equal(customer, body["data"]!["customerWaId"]!.GetValue<string>());
        Assert.Equal("urgent", await fixture.Database.ScalarAsync<string>(
            "SELECT priority FROM conversations WHERE id = @c", ("c", AutomationClient.ConversationOf(tenant, customer))));
    }
}
