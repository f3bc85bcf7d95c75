using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>Agents watching the assistant at work, and taking a conversation from it, in Chromium.</summary>
[Collection(AssistantDashboardCollection.Name)]
public sealed class AssistantDashboardTests(AssistantDashboardFixture fixture)
{
    [Fact]
    public async Task An_agent_sees_the_ai_drafting_takes_over_and_sends_the_unsent_draft_as_their_own_reply()
    {
        var owner = await fixture.SignUpAsync("Watched Salon");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        const string model = "dashboard-slow";
        await fixture.UseModelAsync(owner, model);
        fixture.Model.Replies(model, "Welcome! We have openings tomorrow morning.", after: TimeSpan.FromSeconds(4));
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(page);

        var customer = Random.Shared.NextInt64(34_600_000_000, 34_699_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.CustomerWritesAsync(number, customer, "Dana Draft", "Hi, do you have anything tomorrow?");
        await BrowserSession.Conversation(page, "Dana Draft").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "AI is drafting a reply" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mode")).ToHaveTextAsync("AI");
        await fixture.ScreenshotAsync(page, "assistant-drafting");

        await page.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Expect(page.GetByTestId("mode")).ToHaveTextAsync("you");
        var draft = page.GetByRole(AriaRole.Complementary, new() { Name = "The assistant's unsent reply" });
        await Expect(draft).ToContainTextAsync("Welcome! We have openings tomorrow morning.", new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Why this conversation came to the team" })).ToContainTextAsync("An agent took the conversation over");
        await fixture.ScreenshotAsync(page, "assistant-draft");

        await draft.GetByRole(AriaRole.Button, new() { Name = "Use in my reply" }).ClickAsync();
        var composer = page.GetByLabel("Message", new() { Exact = true });
        await Expect(composer).ToHaveValueAsync("Welcome! We have openings tomorrow morning.");
        await composer.PressAsync("End");
        await composer.PressSequentiallyAsync(" Shall I book 10:00?");
        await composer.PressAsync("Enter");

        var sent = await TestSupport.Eventually.ReturnsAsync(
            "the agent's reply at the fake Cloud API", TimeSpan.FromSeconds(15),
            () => Task.FromResult(fixture.Meta.Accepted.Where(r => r.Path.Contains(number.PhoneNumberId, StringComparison.Ordinal)).ToList()),
            requests => requests.Count >= 1);
        var bodies = sent.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetProperty("body").GetString()).ToList();
        Assert.Equal(["Welcome! We have openings tomorrow morning. Shall I book 10:00?"], bodies);

        await page.GetByRole(AriaRole.Button, new() { Name = "Hand back to AI" }).ClickAsync();
        await Expect(page.GetByTestId("mode")).ToHaveTextAsync("AI");
        await page.Context.CloseAsync();
    }
}
