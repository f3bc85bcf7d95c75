using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>The built-in assistant, for businesses with no model and no API key: a customer books by WhatsApp alone.</summary>
[Collection(AssistantCollection.Name)]
public sealed class OfflineAssistantTests(AssistantFixture fixture)
{
    [Fact]
    public async Task A_customer_books_a_service_with_no_human_and_no_api_key()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Moonlight Readings");
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello!");
        var greeting = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Last();
        Assert.Contains("Welcome to Moonlight Readings", AssistantFixture.Body(greeting));
        var offered = greeting.GetProperty("content").GetProperty("choices").GetProperty("options");
        Assert.Equal("Reading", offered[0].GetProperty("title").GetString());

        await fixture.CustomerWritesAsync(tenant, customer, "I'd like a reading tomorrow at 3pm");
        var proposal = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last();
        var tomorrow = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.Contains($"Reading on {tomorrow:dddd d MMMM} at 15:00", AssistantFixture.Body(proposal), StringComparison.Ordinal);
        Assert.Equal(
            ["Yes, book it", "No"],
            proposal.GetProperty("content").GetProperty("choices").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("title").GetString()));

        await fixture.CustomerWritesAsync(tenant, customer, "yes please");
        var booked = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 3)).Last();
        Assert.StartsWith("You're booked for Reading", AssistantFixture.Body(booked), StringComparison.Ordinal);

        var start = await fixture.Database.ScalarAsync<DateTime>(
            "SELECT starts_at FROM bookings WHERE business_id = @b AND status = 'confirmed'", ("b", tenant.BusinessId));
        Assert.Equal(tomorrow.ToDateTime(new TimeOnly(15, 0)), start);
        Assert.Equal("assistant", await fixture.Database.ScalarAsync<string>(
            "SELECT actor FROM booking_events WHERE business_id = @b", ("b", tenant.BusinessId)));

        // The booking's confirmation reaches the customer through the channel (the local outbox: no credentials).
        var confirmation = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>("/api/outbox"),
            // The booking grain may queue its confirmation before the assistant's turn queues its reply: wait for both.
            outbox => outbox.EnumerateArray().Any(d => d.GetProperty("body").GetString()?.Contains("is confirmed", StringComparison.Ordinal) == true)
                && outbox.EnumerateArray().Any(d => d.GetProperty("body").GetString()?.Contains("You're booked", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(20), "the booking confirmation and the assistant's reply in the outbox");
        Assert.Contains(confirmation.EnumerateArray(), d => d.GetProperty("body").GetString()!.Contains("You're booked", StringComparison.Ordinal));

        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal("booked", assistant.GetProperty("flowState").GetString());
        Assert.Equal(
            ["greeting>service_selection", "service_selection>scheduling", "scheduling>confirmation", "confirmation>booked"],
            assistant.GetProperty("transitions").EnumerateArray().Select(t => $"{t.GetProperty("from").GetString()}>{t.GetProperty("to").GetString()}"));
        Assert.All(assistant.GetProperty("turns").EnumerateArray(), t => Assert.Equal("offline", t.GetProperty("engine").GetString()));
    }

    [Fact]
    public async Task Choices_by_number_day_parts_and_a_change_of_mind_lead_to_the_chosen_slot()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Numbers");
        var customer = AssistantFixture.NewCustomer();
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "what services do you have?");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);

        await fixture.CustomerWritesAsync(tenant, customer, "1");
        Assert.Contains("Which day", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last()));

        var friday = NextWeekday(DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime), DayOfWeek.Friday);
        await fixture.CustomerWritesAsync(tenant, customer, "next friday morning");
        var times = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 3)).Last();
        Assert.Contains($"Free times on {friday:dddd d MMMM} in the morning", AssistantFixture.Body(times), StringComparison.Ordinal);
        var slots = times.GetProperty("content").GetProperty("choices").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("title").GetString()).ToList();
        Assert.Equal("08:00", slots[0]);
        Assert.All(slots, s => Assert.True(string.CompareOrdinal(s, "12:00") < 0, s));

        await fixture.CustomerWritesAsync(tenant, customer, "2");
        Assert.Contains($"at {slots[1]}", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 4)).Last()));
        await fixture.CustomerWritesAsync(tenant, customer, "no");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 6);
        await fixture.CustomerWritesAsync(tenant, customer, $"{friday:dd/MM} 16:30");
        Assert.Contains("16:30", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 7)).Last()));
        await fixture.CustomerWritesAsync(tenant, customer, "confirm");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 8);

        var start = await fixture.Database.ScalarAsync<DateTime>("SELECT starts_at FROM bookings WHERE business_id = @b", ("b", tenant.BusinessId));
        Assert.Equal(friday.ToDateTime(new TimeOnly(16, 30)), start);
    }

    [Fact]
    public async Task Asking_for_a_person_hands_off_with_a_summary_and_the_assistant_falls_silent()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Handoff");
        var customer = AssistantFixture.NewCustomer();
        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hi, I want to book a reading");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);

        await fixture.CustomerWritesAsync(tenant, customer, "actually can I talk to a real person?");
        var last = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last();
        Assert.Contains("member of our team", AssistantFixture.Body(last));

        var assistant = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("latestHandoff").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10), "the handoff summary");
        var handoff = assistant.GetProperty("latestHandoff");
        Assert.Equal("customer_asked", handoff.GetProperty("reason").GetString());
        Assert.Contains("asked to talk to a person", handoff.GetProperty("summary").GetString());
        Assert.Equal("human", assistant.GetProperty("mode").GetString());
        Assert.Equal("handoff", assistant.GetProperty("flowState").GetString());

        await fixture.CustomerWritesAsync(tenant, customer, "hello?");
        await Task.Delay(1000);
        Assert.Equal(2, (await AssistantFixture.MessagesAsync(owner, conversation)).Count(m => m.GetProperty("sender").GetString() == "assistant"));
    }

    [Fact]
    public async Task Questions_are_answered_from_the_knowledge_base_and_unknown_ones_are_not_invented()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Knowing");
        (await owner.PostAsJsonAsync("/api/knowledge", new
        {
            title = "Parking",
            body = "Free parking is available behind the building, entrance on Mill Street.",
        })).EnsureSuccessStatusCode();
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Is there parking near you?");
        Assert.Contains("Mill Street", AssistantFixture.Body((await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Last()));

        await fixture.CustomerWritesAsync(tenant, customer, "Do you sell gift vouchers?");
        var unknown = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last();
        Assert.Contains("I don't know", AssistantFixture.Body(unknown));
        Assert.Equal("faq", (await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant")).GetProperty("flowState").GetString());
    }

    [Fact]
    public async Task A_business_that_turned_its_assistant_off_sends_customers_to_its_people()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("People only");
        (await owner.PatchAsJsonAsync("/api/settings/ai", new { enabled = false })).EnsureSuccessStatusCode();
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "Hello");
        var assistant = await Eventually.GetAsync(
            async () => await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant"),
            a => a.GetProperty("mode").GetString() == "human", TimeSpan.FromSeconds(10), "the conversation with the humans");
        Assert.Equal("assistant_off", assistant.GetProperty("latestHandoff").GetProperty("reason").GetString());
        Assert.DoesNotContain(await AssistantFixture.MessagesAsync(owner, conversation), m => m.GetProperty("sender").GetString() == "assistant");
    }

    private static DateOnly NextWeekday(DateOnly today, DayOfWeek day)
    {
        var next = today.AddDays(1);
        while (next.DayOfWeek != day)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
