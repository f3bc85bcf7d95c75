using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>What an agent does in the dashboard, written once for the tests.</summary>
public static class BrowserSession
{
    public static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
    }

    /// <summary>The inbox row of a customer's conversation.</summary>
    public static ILocator Conversation(IPage page, string customerName) =>
        page.Locator("a.conversation").Filter(new() { HasText = customerName });

    /// <summary>Waits until the live connection is up, so that events sent from now on reach the page.</summary>
    public static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=connection-banner]') && window.__conversationsLive === 'online'");
}
