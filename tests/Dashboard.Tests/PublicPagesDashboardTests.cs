using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>The pages before and around an account: landing, pricing, password reset, getting started, billing, payment returns.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PublicPagesDashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_visitor_goes_from_the_landing_page_to_the_plans_and_prices_the_API_lists()
    {
        var plans = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/plans");
        Assert.True(plans.GetArrayLength() >= 2);
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("WhatsApp");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create a business account" })).ToHaveAttributeAsync("href", "/signup");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "landing");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the plans" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pricing$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plans and prices" })).ToBeVisibleAsync();
        var cards = page.GetByTestId("plans").Locator("li.plan");
        await Expect(cards).ToHaveCountAsync(plans.GetArrayLength());
        foreach (var plan in plans.EnumerateArray())
        {
            var card = page.Locator($"li.plan[data-plan='{plan.GetProperty("id").GetString()}']");
            await Expect(card.GetByRole(AriaRole.Heading)).ToHaveTextAsync(plan.GetProperty("name").GetString()!);
            await Expect(card).ToContainTextAsync(plan.GetProperty("monthlyPriceMinor") is { ValueKind: JsonValueKind.Number } price
                ? (price.GetInt64() / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " per month"
                : "Price on request");
            await Expect(card).ToContainTextAsync(plan.GetProperty("agents") is { ValueKind: JsonValueKind.Number } agents
                ? $"{agents.GetInt32()} agents"
                : "Unlimited agents");
            await Expect(card).ToContainTextAsync(plan.GetProperty("aiConversationsPerMonth") is { ValueKind: JsonValueKind.Number } ai
                ? $"{ai.GetInt32().ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} AI conversations a month"
                : "Unlimited AI conversations a month");
        }

        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "pricing");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(cards).ToHaveCountAsync(plans.GetArrayLength());
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanTheWindow));
        await fixture.ScreenshotAsync(page, "pricing-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link_and_the_new_one_logs_in()
    {
        var owner = await fixture.SignUpAsync("Forgetful Florist");
        const string newPassword = "a brand new passphrase 42";
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=email]) .error")).ToHaveTextAsync("Enter the e-mail address you log in with.");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(owner.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"If {owner.Email} belongs to an account");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "forgot-password");

        var link = await TestSupport.Eventually.ReturnsAsync(
            "the password reset e-mail", TimeSpan.FromSeconds(10), () => Task.FromResult(MailedLink(owner.Email, "reset-password")), found => found is not null);
        await page.GotoAsync(link!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();

        // The two entries differ, then the API refuses a short one at its field.
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Repeat the new password").FillAsync("something else entirely");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=confirmation]) .error")).ToHaveTextAsync("The two passwords are not the same.");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Repeat the new password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=newPassword]) .error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("New password", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Repeat the new password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed.");
        await fixture.ScreenshotAsync(page, "reset-password");

        // The link worked once: opened again, the page says why it no longer does.
        await page.GotoAsync(link!);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("yet another passphrase 7");
        await page.GetByLabel("Repeat the new password").FillAsync("yet another passphrase 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The reset link is not valid: it was used or has expired.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();

        // The old password no longer opens the account; the new one does.
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(owner.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(owner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong e-mail address or password.");
        await BrowserSession.LogInAsync(page, owner.Email, newPassword);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_owner_connects_a_number_adds_a_service_and_invites_an_agent_in_the_getting_started_steps()
    {
        var email = $"onboarding-{Guid.NewGuid():N}@example.test";
        const string password = "a long onboarding passphrase";
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/signup");
        await page.GetByLabel("Business name").FillAsync("Onboarding Barbers");
        await page.GetByLabel("Your name").FillAsync("Olga Owner");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Time zone").FillAsync("Europe/Madrid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your business" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("Step 1 of 3");
        await Expect(page.Locator(".steps li[aria-current=step]")).ToContainTextAsync("Connect WhatsApp");

        // Until finished, the steps are offered among the settings.
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Get started" }).ClickAsync();
        await Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("Step 1 of 3");

        // Step 1: a refused number shows its error at the field, then a number is connected.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=phoneNumberId]) .error")).ToContainTextAsync("Required");
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        await page.GetByLabel("Phone number id").FillAsync(phoneNumberId);
        await page.GetByLabel("Display phone number").FillAsync("+34 600 222 333");
        await page.GetByLabel("App secret").FillAsync("an-onboarding-app-secret-of-32ch");
        await page.GetByLabel("Webhook verify token").FillAsync("onboarding-verify-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected +34 600 222 333.");
        await Expect(page.GetByTestId("onboarding-channels")).ToContainTextAsync("+34 600 222 333");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "onboarding-whatsapp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Step 2: a service; focus moved to the step's heading for keyboard users.
        await Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("Step 2 of 3");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add your services" })).ToBeFocusedAsync();
        await page.GetByLabel("Service name").FillAsync("Beard trim");
        await page.GetByLabel("Price").FillAsync("18.50");
        await page.GetByLabel("Duration in minutes").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Added Beard trim.");
        await Expect(page.GetByTestId("onboarding-services")).ToContainTextAsync("Beard trim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Step 3: an agent is invited; the page at phone width.
        await Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("Step 3 of 3");
        await Expect(page.Locator(".steps li.done")).ToHaveCountAsync(2);
        var agentEmail = $"agent-{Guid.NewGuid():N}@example.test";
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(agentEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Invitation sent to {agentEmail}.");
        await Expect(page.GetByTestId("onboarding-team")).ToContainTextAsync(agentEmail);
        await page.SetViewportSizeAsync(390, 844);
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "onboarding-team-phone");
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanTheWindow));
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish setup" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();

        // What the steps did, as the API tells it.
        var api = await fixture.ApiAsync(new Owner(email, password, "Onboarding Barbers"));
        var services = await api.SendAsync(HttpMethod.Get, "/api/services");
        var service = Assert.Single(services.EnumerateArray(), s => s.GetProperty("name").GetString() == "Beard trim");
        Assert.Equal((1850, "EUR", 20), (service.GetProperty("priceMinor").GetInt32(), service.GetProperty("currency").GetString(), service.GetProperty("durationMinutes").GetInt32()));
        var team = await api.SendAsync(HttpMethod.Get, "/api/employees");
        var agent = Assert.Single(team.EnumerateArray(), e => e.GetProperty("email").GetString() == agentEmail);
        Assert.Equal("agent", agent.GetProperty("role").GetString());
        var numbers = await api.SendAsync(HttpMethod.Get, "/api/settings/whatsapp");
        Assert.Contains(numbers.EnumerateArray(), n => n.GetProperty("address").GetString() == phoneNumberId);
        Assert.True((await api.SendAsync(HttpMethod.Get, "/api/settings/workspace")).GetProperty("onboardingCompleted").GetBoolean());
        Assert.NotNull(MailedLink(agentEmail, "accept-invitation"));

        // Finished: the settings no longer offer the steps.
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "WhatsApp numbers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Get started" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_billing_page_shows_the_plan_and_its_use_and_says_when_payments_are_not_configured()
    {
        var owner = await fixture.SignUpAsync("Billing Bistro");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Billing", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan: Starter" })).ToBeVisibleAsync();
        var current = page.GetByTestId("current-plan");
        await Expect(current).ToContainTextAsync("Free trial");
        await Expect(current).ToContainTextAsync("29.00 per month");
        await Expect(page.GetByTestId("usage-agents")).ToHaveTextAsync("1 of 3");
        await Expect(page.GetByTestId("usage-ai-conversations")).ToHaveTextAsync("0 of 500");
        await Expect(page.GetByText("No invoices yet.")).ToBeVisibleAsync();
        await Expect(page.Locator("li.plan[data-plan=professional]")).ToContainTextAsync("99.00 per month");

        // No Stripe key on this platform: the API's 503 answer is shown as it says it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe to Professional" }).ClickAsync();
        await Expect(page.GetByTestId("billing-error")).ToContainTextAsync("Payments are not configured.");
        await Expect(page.GetByTestId("billing-error")).ToContainTextAsync("Conversations:Stripe:SecretKey is not set");
        await Expect(page).ToHaveURLAsync(new Regex("/settings/billing$"));
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "billing");

        // Back from Stripe Checkout (the URLs PlatformBilling gives Stripe).
        await page.GotoAsync("/settings/billing?checkout=cancel");
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Checkout was cancelled");
        await page.GotoAsync("/settings/billing?checkout=success");
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Your subscription starts as soon as Stripe confirms the payment");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("usage-agents")).ToHaveTextAsync("1 of 3");
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanTheWindow));
        await fixture.ScreenshotAsync(page, "billing-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_customer_returning_from_a_booking_payment_sees_what_happened_without_an_account()
    {
        var page = await fixture.NewPageAsync(bypassCsp: true);
        var booking = Guid.NewGuid();
        await page.GotoAsync($"/payment/success?booking={booking}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, your payment was received" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("booking-reference")).ToHaveTextAsync(booking.ToString());
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "payment-success");
        await page.GotoAsync($"/payment/cancel?booking={booking}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The payment was cancelled" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/payment/cancel\\?booking="));
        await page.Context.CloseAsync();
    }

    /// <summary>The elements that stick out of the window sideways (so the page would scroll), or "" for none.</summary>
    private const string WiderThanTheWindow = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
          .map(e => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5).join(', ')
        """;

    /// <summary>The last link to a page of the product (<c>reset-password</c>, <c>accept-invitation</c>) mailed to an address.</summary>
    private string? MailedLink(string address, string pagePath)
    {
        if (!Directory.Exists(fixture.App.MailFolder))
        {
            return null;
        }

        return Directory.EnumerateFiles(fixture.App.MailFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => Regex.Match(m.TextBody ?? "", $@"https?://\S+/{pagePath}\?token=[A-Za-z0-9_-]+"))
            .Where(match => match.Success)
            .Select(match => match.Value)
            .LastOrDefault();
    }

    private sealed class Api(HttpClient http, string token)
    {
        public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
