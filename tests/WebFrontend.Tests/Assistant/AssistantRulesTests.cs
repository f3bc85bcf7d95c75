using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>
/// The business's AI settings change what the assistant does: its tone, the words that fetch a person, how
/// patient it is, and the away message customers get while the business is closed.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class AssistantRulesTests(AssistantFixture fixture)
{
    [Fact]
    public async Task A_formal_tone_changes_how_the_offline_assistant_greets_and_answers()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Formal House");
        await PatchSettingsAsync(owner, """{"ai": {"tone": "formal"}}""");

        var customer = AssistantFixture.NewCustomer();
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello");
        var greeting = AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Last());
        Assert.Matches("^Good (morning|afternoon|evening)", greeting);
        Assert.Contains("Thank you for contacting Formal House.", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi", greeting, StringComparison.Ordinal);

        await fixture.CustomerWritesAsync(tenant, customer, "thanks");
        Assert.Equal(
            "You are most welcome. May I assist you with anything else?",
            AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last()));

        // A changed tone applies from the next turn on.
        await PatchSettingsAsync(owner, """{"ai": {"tone": "concise"}}""");
        var concise = AssistantFixture.NewCustomer();
        var other = await fixture.CustomerWritesAsync(tenant, concise, "Hello");
        Assert.StartsWith("Hi, this is Formal House.", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, other, 1)).Last()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tone_is_part_of_the_models_system_prompt()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Prompted Tone");
        const string model = "tone-model";
        await fixture.UseModelAsync(owner, model);
        await PatchSettingsAsync(owner, """{"ai": {"tone": "formal"}}""");
        fixture.Model.Replies(model, "Good day. How may I help?");

        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "hi there");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);

        var system = fixture.Model.ChatRequests(model).Last()["messages"]![0]!;
        Assert.Equal("system", system["role"]!.GetValue<string>());
        Assert.Contains("Tone: formal and courteous", system["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handoff_keyword_sends_the_customer_to_a_person_before_any_engine_answers()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Keyword Rules");
        await PatchSettingsAsync(owner, """{"ai": {"handoff": {"keywords": ["complaint", "speak to a human"]}}}""");
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello");
        Assert.Contains("Welcome to Keyword Rules", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Last()));

        await fixture.CustomerWritesAsync(tenant, customer, "I want to make a COMPLAINT about yesterday");
        Assert.Contains("member of our team", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last()));

        var assistant = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("latestHandoff").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10), "the handoff summary");
        Assert.Equal("human", assistant.GetProperty("mode").GetString());
        Assert.Equal("keyword", assistant.GetProperty("latestHandoff").GetProperty("reason").GetString());
        Assert.Contains(
            assistant.GetProperty("transitions").EnumerateArray(),
            t => t.GetProperty("reason").GetString() == "handoff keyword \"complaint\"");
    }

    [Fact]
    public async Task The_business_decides_how_many_misunderstandings_come_before_a_handoff()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Impatient");
        await PatchSettingsAsync(owner, """{"ai": {"handoff": {"maxMisunderstandings": 1}}}""");
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "qwxz vbnm");
        Assert.Contains("didn't quite get that", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Last()));
        await fixture.CustomerWritesAsync(tenant, customer, "plokij uhygt");
        Assert.Contains("passing you to a member of our team", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last()));
        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal("human", assistant.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Outside_business_hours_a_customer_waiting_for_a_person_gets_the_away_message_once()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Closed Today");
        const string away = "We're closed right now. We open again tomorrow at 08:00 and will answer you then.";
        var today = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime);
        var closed = string.Join(',', new[] { -1, 0, 1 }.Select(d => $$"""{"date": "{{today.AddDays(d):yyyy-MM-dd}}", "reason": "Inventory"}"""));
        await PatchSettingsAsync(owner, $$$"""
            {"general": {"awayMessage": "{{{away}}}", "businessHours": {"exceptions": [{{{closed}}}]}},
             "ai": {"enabled": false}}
            """);
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello, is anyone there?");
        var told = await Eventually.GetAsync(
            () => AssistantFixture.MessagesAsync(owner, conversation),
            messages => messages.Any(m => m.GetProperty("sender").GetString() == "system"),
            TimeSpan.FromSeconds(20), "the away message");
        Assert.Equal(away, AssistantFixture.Body(told.Single(m => m.GetProperty("sender").GetString() == "system")));
        Assert.DoesNotContain(told, m => m.GetProperty("sender").GetString() == "assistant");

        await fixture.CustomerWritesAsync(tenant, customer, "Hello??");
        await Eventually.GetAsync(
            () => AssistantFixture.MessagesAsync(owner, conversation), messages => messages.Count >= 3, TimeSpan.FromSeconds(10), "the second message");
        await Task.Delay(500);
        Assert.Single(await AssistantFixture.MessagesAsync(owner, conversation), m => m.GetProperty("sender").GetString() == "system");

        // The away message leaves through the channel like any reply (the local outbox here).
        await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>("/api/outbox"),
            outbox => outbox.EnumerateArray().Any(d => d.GetProperty("body").GetString() == away),
            TimeSpan.FromSeconds(10), "the away message in the outbox");
    }

    [Fact]
    public async Task While_the_business_is_open_no_away_message_is_sent()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Always Open");
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        var hours = string.Join(',', days.Select(d => $$"""{"weekday": "{{d}}", "opens": "00:00", "closes": "23:59"}"""));
        var today = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime);
        var open = string.Join(',', new[] { -1, 0, 1 }.Select(d => $$"""{"date": "{{today.AddDays(d):yyyy-MM-dd}}", "opens": "00:00", "closes": "23:59", "reason": "Open all day"}"""));
        await PatchSettingsAsync(owner, $$$"""
            {"general": {"awayMessage": "We are closed.", "businessHours": {"weeklyHours": [{{{hours}}}], "exceptions": [{{{open}}}]}},
             "ai": {"enabled": false}}
            """);
        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "Hello");
        await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("mode").GetString() == "human", TimeSpan.FromSeconds(10), "the handoff to the team");
        await Task.Delay(500);
        Assert.DoesNotContain(await AssistantFixture.MessagesAsync(owner, conversation), m => m.GetProperty("sender").GetString() == "system");
    }

    private static async Task PatchSettingsAsync(HttpClient owner, string json)
    {
        using var response = await owner.PatchAsync("/api/settings", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
