using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Automation;

/// <summary>
/// SLA targets on the app's clock. An app of its own: the test moves its wall clock, and the conversation grain looks at
/// the clock every 100 ms (the minute reminder is only the durable backstop).
/// </summary>
public sealed class SlaTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ConversationsApp app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        app = new ConversationsApp(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Conversations:Automation:SlaCheckInterval"] = "00:00:00.100",
        });
        app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_first_response_target_warns_at_80_percent_notifies_at_the_breach_and_counts_in_analytics()
    {
        var tenant = await app.CreateTenantAsync("SLA");
        using var owner = new AutomationClient(app, await app.LoginAsync(tenant));
        await owner.CreateAsync("/api/sla-policies", new
        {
            name = "Standard", firstResponseMinutes = 10, resolutionMinutes = 120, warningPercent = 80, businessHoursOnly = false,
        });

        var late = "34633" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prompt = "34644" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.CustomerWritesAsync(tenant, late, $"wamid.{Guid.NewGuid():N}", "Necesito ayuda");
        await app.CustomerWritesAsync(tenant, prompt, $"wamid.{Guid.NewGuid():N}", "Necesito ayuda también");
        var lateConversation = AutomationClient.ConversationOf(tenant, late);
        var promptConversation = AutomationClient.ConversationOf(tenant, prompt);

        // With the assistant nothing is owed by a person; handed to the team, the clock starts.
        foreach (var conversation in new[] { lateConversation, promptConversation })
        {
            using var handoff = await owner.Http.PostAsync($"/api/conversations/{conversation}/handoff", null);
            Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var reply = await owner.Http.PostAsJsonAsync("/api/messages", new { conversationId = promptConversation, text = "Aquí estoy" }))
        {
            Assert.True(reply.IsSuccessStatusCode);
        }

        await Task.Delay(300);
        Assert.DoesNotContain(await owner.NotificationsAsync(), n => n.GetProperty("kind").GetString() is "sla_warning" or "sla_breach");

        app.Clock.Advance(TimeSpan.FromMinutes(3.5));
        var warned = await Eventually.GetAsync(owner.NotificationsAsync, ns => ns.Any(n => n.GetProperty("kind").GetString() == "sla_warning"), what: "the 80 % warning");
        var warning = Assert.Single(warned, n => n.GetProperty("kind").GetString() == "sla_warning");
        Assert.Equal(lateConversation, warning.GetProperty("conversationId").GetGuid());
        Assert.DoesNotContain(warned, n => n.GetProperty("kind").GetString() == "sla_breach");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var breached = await Eventually.GetAsync(owner.NotificationsAsync, ns => ns.Any(n => n.GetProperty("kind").GetString() == "sla_breach"), what: "the breach");
        var breach = Assert.Single(breached, n => n.GetProperty("kind").GetString() == "sla_breach");
        Assert.Equal(lateConversation, breach.GetProperty("conversationId").GetGuid());
        Assert.Contains("first response", breach.GetProperty("title").GetString());

        // Resolving meets the resolution targets of both.
        foreach (var conversation in new[] { lateConversation, promptConversation })
        {
            using var resolve = await owner.Http.PostAsJsonAsync($"/api/conversations/{conversation}/status", new { status = "resolved" });
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        var report = await owner.Http.GetFromJsonAsync<JsonElement>("/api/analytics/sla");
        var firstResponse = report.GetProperty("firstResponse");
        Assert.Equal(1, firstResponse.GetProperty("met").GetInt32());
        Assert.Equal(1, firstResponse.GetProperty("breached").GetInt32());
        Assert.Equal(0.5, firstResponse.GetProperty("shareMet").GetDouble());
        var resolution = report.GetProperty("resolution");
        Assert.Equal(2, resolution.GetProperty("met").GetInt32());
        Assert.Equal(0, resolution.GetProperty("breached").GetInt32());
        Assert.Equal(1.0, resolution.GetProperty("shareMet").GetDouble());
        Assert.Equal(1, report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("breaches").GetInt32()));

        // A breach is notified once, whatever the clock does next (the access token has expired by then).
        app.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(400);
        using var later = new AutomationClient(app, await app.LoginAsync(tenant));
        Assert.Single(await later.NotificationsAsync(), n => n.GetProperty("kind").GetString() == "sla_breach");
    }

    [Fact]
    public async Task Sla_policies_are_validated_field_by_field()
    {
        var tenant = await app.CreateTenantAsync("SLA fields");
        using var owner = new AutomationClient(app, await app.LoginAsync(tenant));

        using var bad = await owner.Http.PostAsJsonAsync("/api/sla-policies", new
        {
            name = "Urgent", priority = "critical", firstResponseMinutes = 60, resolutionMinutes = 30, warningPercent = 100,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
            ["priority", "resolutionMinutes", "warningPercent"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var id = await owner.CreateAsync("/api/sla-policies", new { name = "Urgent", priority = "urgent", firstResponseMinutes = 5 });
        using var replaced = await owner.Http.PutAsJsonAsync($"/api/sla-policies/{id}", new { name = "Urgent", firstResponseMinutes = 15, enabled = false });
        var policy = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(15, policy.GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal(80, policy.GetProperty("warningPercent").GetInt32());
        Assert.True(policy.GetProperty("businessHoursOnly").GetBoolean());
        Assert.False(policy.GetProperty("enabled").GetBoolean());
        using var missingField = await owner.Http.PutAsJsonAsync($"/api/sla-policies/{id}", new { name = "Urgent" });
        Assert.True((await missingField.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("firstResponseMinutes", out _));
    }
}
