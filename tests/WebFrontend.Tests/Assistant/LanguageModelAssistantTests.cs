using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>
/// The model path against a fake OpenAI-compatible server, through the real OpenAI client: tool calls, scope,
/// failures, and a takeover racing a slow model call.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class LanguageModelAssistantTests(AssistantFixture fixture)
{
    private FakeOpenAiServer Model => fixture.Model;

    [Fact]
    public async Task The_model_books_through_scripted_tool_calls_and_its_usage_is_recorded()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Model salon");
        await fixture.UseModelAsync(owner, AssistantFixture.PricedModel, apiKey: "sk-model-salon");
        var service = (await owner.GetFromJsonAsync<JsonElement>("/api/services"))[0].GetProperty("id").GetGuid();
        var tomorrow = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Model.CallsTools(AssistantFixture.PricedModel, ("list_services", "{}"))
            .CallsTools(AssistantFixture.PricedModel, ("check_availability", $$"""{"service_id":"{{service}}","date":"{{tomorrow:yyyy-MM-dd}}"}"""))
            .CallsTools(AssistantFixture.PricedModel, ("create_booking", $$"""{"service_id":"{{service}}","start":"{{tomorrow:yyyy-MM-dd}}T15:00"}"""))
            .Replies(AssistantFixture.PricedModel, "Done! Your reading is booked for tomorrow at 15:00.", inputTokens: 1000, outputTokens: 100);

        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "Book me a reading tomorrow at 3pm please");
        var reply = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Single();
        Assert.Equal("Done! Your reading is booked for tomorrow at 15:00.", AssistantFixture.Body(reply));

        var start = await fixture.Database.ScalarAsync<DateTime>("SELECT starts_at FROM bookings WHERE business_id = @b", ("b", tenant.BusinessId));
        Assert.Equal(tomorrow.ToDateTime(new TimeOnly(15, 0)), start);

        var requests = Model.ChatRequests(AssistantFixture.PricedModel);
        Assert.Equal(4, requests.Count);
        Assert.All(Model.Requests.Where(r => r.Body.Contains(AssistantFixture.PricedModel, StringComparison.Ordinal)), r => Assert.Equal("Bearer sk-model-salon", r.Authorization));
        Assert.Contains("Model salon", FakeOpenAiServer.SystemPrompt(requests[0]));
        Assert.Subset(
            requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToHashSet(),
            new HashSet<string> { "list_services", "check_availability", "create_booking", "create_payment_link", "get_booking_status", "cancel_booking", "handoff_to_human" });
        Assert.Contains("15:00", FakeOpenAiServer.ToolResults(requests[2]).Last());
        Assert.Contains("booking_id", FakeOpenAiServer.ToolResults(requests[3]).Last());

        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal("booked", assistant.GetProperty("flowState").GetString());
        var turn = assistant.GetProperty("turns")[0];
        Assert.Equal(("llm", AssistantFixture.PricedModel, "sent"), (turn.GetProperty("engine").GetString(), turn.GetProperty("model").GetString(), turn.GetProperty("outcome").GetString()));
        Assert.Equal(3 * 120 + 1000, turn.GetProperty("inputTokens").GetInt64());
        Assert.Equal(3 * 15 + 100, turn.GetProperty("outputTokens").GetInt64());
        Assert.Equal((3 * 120 + 1000) * 2 + (3 * 15 + 100) * 10, turn.GetProperty("costMicros").GetInt64());
        Assert.Equal(reply.GetProperty("id").GetGuid(), turn.GetProperty("messageIds")[0].GetGuid());

        var usage = await owner.GetFromJsonAsync<JsonElement>("/api/assistant/usage");
        Assert.Equal(turn.GetProperty("costMicros").GetInt64(), usage.GetProperty("total").GetProperty("costMicros").GetInt64());
        Assert.Equal(1, usage.GetProperty("total").GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task A_tool_call_naming_another_business_s_service_is_refused()
    {
        var model = $"scope-{Guid.NewGuid():N}";
        var (tenant, owner) = await fixture.OpenBusinessAsync("Scoped");
        var (other, otherOwner) = await fixture.OpenBusinessAsync("Other business");
        await fixture.UseModelAsync(owner, model);
        var foreign = (await otherOwner.GetFromJsonAsync<JsonElement>("/api/services"))[0].GetProperty("id").GetGuid();
        var tomorrow = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Model.CallsTools(model,
                ("check_availability", $$"""{"service_id":"{{foreign}}","date":"{{tomorrow:yyyy-MM-dd}}"}"""),
                ("create_booking", $$"""{"service_id":"{{foreign}}","start":"{{tomorrow:yyyy-MM-dd}}T10:00"}"""),
                ("cancel_booking", $$"""{"booking_id":"{{Guid.NewGuid()}}"}"""))
            .Replies(model, "Sorry, I can't book that.");

        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "Book the other shop's service");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);

        var results = FakeOpenAiServer.ToolResults(Model.ChatRequests(model)[1]);
        Assert.Equal(3, results.Count);
        Assert.Contains("no such service", results[0]);
        Assert.Contains("no such service", results[1]);
        Assert.Contains("no booking with this id", results[2]);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM bookings WHERE business_id IN (@a, @b)", ("a", tenant.BusinessId), ("b", other.BusinessId)));
    }

    [Fact]
    public async Task Takeover_during_a_slow_model_call_returns_at_once_and_the_reply_becomes_a_draft()
    {
        var model = $"slow-{Guid.NewGuid():N}";
        var (tenant, owner) = await fixture.OpenBusinessAsync("Slow model");
        await fixture.UseModelAsync(owner, model);
        Model.Replies(model, "This reply came too late.", after: TimeSpan.FromSeconds(4));
        await using var hub = await fixture.App.ConnectHubAsync(await fixture.App.LoginAsync(tenant));
        var drafting = new TaskCompletionSource();
        var draft = new TaskCompletionSource<(Guid Conversation, string Text)>();
        hub.On<Guid, bool>("AssistantDrafting", (_, on) => { if (on) { drafting.TrySetResult(); } });
        hub.On<Guid, Guid, Guid?, string>("DraftOffered", (conversationId, _, _, text) => draft.TrySetResult((conversationId, text)));

        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "Hello, anyone there?");
        await drafting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.GetAsync(() => Task.FromResult(Model.Arrived(model)), n => n == 1, TimeSpan.FromSeconds(10), "the model call");
        Assert.Empty(Model.ChatRequests(model));

        var clock = Stopwatch.StartNew();
        using var takeover = await owner.PostAsync($"/api/conversations/{conversation}/takeover", null);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, takeover.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The takeover took {clock.Elapsed}.");

        var offered = await draft.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((conversation, "This reply came too late."), offered);
        await Task.Delay(500);
        Assert.DoesNotContain(await AssistantFixture.MessagesAsync(owner, conversation), m => m.GetProperty("sender").GetString() == "assistant");
        var outbox = await owner.GetFromJsonAsync<JsonElement>("/api/outbox");
        Assert.DoesNotContain(outbox.EnumerateArray(), d => d.GetProperty("body").GetString() == "This reply came too late.");

        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal("This reply came too late.", assistant.GetProperty("draft").GetString());
        Assert.Equal("drafted", assistant.GetProperty("turns")[0].GetProperty("outcome").GetString());
        var summary = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("latestHandoff").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10), "the takeover summary");
        Assert.Equal("takeover", summary.GetProperty("latestHandoff").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_model_that_is_down_is_retried_once_then_the_customer_is_told_and_humans_take_over()
    {
        var model = $"down-{Guid.NewGuid():N}";
        var (tenant, owner) = await fixture.OpenBusinessAsync("Model down");
        await fixture.UseModelAsync(owner, model);
        Model.Fails(model, 503).Fails(model, 429);

        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "I need to change my booking");
        var holding = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Single();
        Assert.Contains("A member of our team will get back to you", AssistantFixture.Body(holding));
        Assert.Equal(2, Model.ChatRequests(model).Count);

        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal(("human", "handoff"), (assistant.GetProperty("mode").GetString(), assistant.GetProperty("flowState").GetString()));
        Assert.Equal("model_failed", assistant.GetProperty("latestHandoff").GetProperty("reason").GetString());
        Assert.Contains("I need to change my booking", assistant.GetProperty("latestHandoff").GetProperty("summary").GetString());
        var conversationRow = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}");
        Assert.Equal(JsonValueKind.Null, conversationRow.GetProperty("assigneeId").ValueKind);
    }

    [Fact]
    public async Task After_release_the_assistant_answers_again_with_the_agent_s_messages_in_its_context()
    {
        var model = $"release-{Guid.NewGuid():N}";
        var (tenant, owner) = await fixture.OpenBusinessAsync("Release");
        await fixture.UseModelAsync(owner, model);
        var customer = AssistantFixture.NewCustomer();
        Model.Replies(model, "Hi! How can I help?");
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hi");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);

        (await owner.PostAsync($"/api/conversations/{conversation}/takeover", null)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/messages", new { conversationId = conversation, clientMessageId = Guid.NewGuid(), text = "We close early on Friday, at 15:00." }))
            .EnsureSuccessStatusCode();
        await fixture.CustomerWritesAsync(tenant, customer, "ok thanks");
        (await owner.PostAsync($"/api/conversations/{conversation}/release", null)).EnsureSuccessStatusCode();

        Model.Replies(model, "Yes, on Friday we close at 15:00.");
        await fixture.CustomerWritesAsync(tenant, customer, "So when do you close on Friday?");
        var replies = await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2);
        Assert.Equal("Yes, on Friday we close at 15:00.", AssistantFixture.Body(replies.Last()));

        var last = Model.ChatRequests(model).Last()["messages"]!.AsArray();
        Assert.Contains(last, m => m!["role"]!.GetValue<string>() == "assistant" && m["content"]!.ToString() == "[Agent] We close early on Friday, at 15:00.");
        Assert.Equal("So when do you close on Friday?", last.Last()!["content"]!.ToString());
    }

    [Fact]
    public async Task A_long_reply_is_split_at_whatsapp_s_limit_and_a_model_stuck_calling_tools_hands_off()
    {
        var model = $"long-{Guid.NewGuid():N}";
        var (tenant, owner) = await fixture.OpenBusinessAsync("Long");
        await fixture.UseModelAsync(owner, model);
        var paragraph = string.Concat(Enumerable.Repeat("All our readings are done by hand. ", 80));
        Model.Replies(model, paragraph + "\n\n" + paragraph);
        var customer = AssistantFixture.NewCustomer();
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Tell me everything");
        var parts = await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2);
        Assert.All(parts, p => Assert.True(AssistantFixture.Body(p).Length <= 4096));
        Assert.Equal(paragraph.Trim(), AssistantFixture.Body(parts[0]));

        for (var i = 0; i < 10; i++)
        {
            Model.CallsTools(model, ("list_services", "{}"));
        }

        await fixture.CustomerWritesAsync(tenant, customer, "What do you offer?");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 3);
        var assistant = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("mode").GetString() == "human", TimeSpan.FromSeconds(10), "the handoff");
        Assert.Equal("tool_loop", assistant.GetProperty("latestHandoff").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_api_key_is_write_only_and_encrypted_at_rest()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Secrets");
        await fixture.UseModelAsync(owner, "gpt-4o-mini", apiKey: "sk-very-secret-value");

        var settings = await owner.GetFromJsonAsync<JsonElement>("/api/settings/ai");
        Assert.True(settings.GetProperty("hasApiKey").GetBoolean());
        Assert.DoesNotContain("sk-very-secret-value", settings.GetRawText());
        var stored = await fixture.Database.ScalarAsync<string>("SELECT protected_api_key FROM assistant_settings WHERE business_id = @b", ("b", tenant.BusinessId));
        Assert.DoesNotContain("sk-very-secret-value", stored);

        using var badProvider = await owner.PatchAsJsonAsync("/api/settings/ai", new { provider = "claude" });
        Assert.Equal(HttpStatusCode.BadRequest, badProvider.StatusCode);
        Assert.True((await badProvider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("provider", out _));
        using var badUrl = await owner.PatchAsJsonAsync("/api/settings/ai", new { baseUrl = "ftp://example" });
        Assert.True((await badUrl.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("baseUrl", out _));

        var agent = await new AccountsClient(fixture.App).NewEmployeeAsync(
            await new AccountsClient(fixture.App).LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword), "agent");
        using var byAgent = await fixture.Client(agent.AccessToken).PatchAsJsonAsync("/api/settings/ai", new { enabled = false });
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
    }
}
