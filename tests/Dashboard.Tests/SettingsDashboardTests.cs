using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>The settings and insight pages: assistant, prompt templates, knowledge base, voice, security, notifications, analytics.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SettingsDashboardTests(DashboardFixture fixture)
{
    private static string NewCustomerWaId() => Random.Shared.NextInt64(34_600_000_000, 34_699_999_999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Assistant_settings_keep_the_key_write_only_and_templates_and_knowledge_are_edited_and_tried()
    {
        var owner = await fixture.SignUpAsync("Prompt Parlour");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Assistant", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assistant", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("api-key-state")).ToHaveTextAsync("No API key is set.");

        // A wrong base URL is refused at its field; then the round trip, with the key never coming back.
        await page.GetByLabel("Engine").SelectOptionAsync("openai");
        await page.GetByLabel("Base URL").FillAsync("ftp://nowhere");
        await page.GetByLabel("Model").FillAsync("gpt-4o-mini");
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("sk-test-secret-4242");
        await page.GetByLabel("Instructions").FillAsync("Answer briefly, in the customer's language.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assistant settings" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=baseUrl]) .error")).ToContainTextAsync("absolute http(s) URL");
        await page.GetByLabel("Base URL").FillAsync("https://llm.example.test/v1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assistant settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Assistant settings saved.");
        await Expect(page.GetByTestId("api-key-state")).ToHaveTextAsync("An API key is set.");
        await Expect(page.GetByLabel("Replace the API key")).ToHaveValueAsync("");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Model")).ToHaveValueAsync("gpt-4o-mini");
        await Expect(page.GetByLabel("Instructions")).ToHaveValueAsync("Answer briefly, in the customer's language.");
        await Expect(page.GetByTestId("api-key-state")).ToHaveTextAsync("An API key is set.");
        Assert.DoesNotContain("sk-test-secret-4242", await page.ContentAsync());
        await fixture.ScreenshotAsync(page, "settings-assistant");
        // Back to the offline assistant, so nothing in this business calls the made-up endpoint.
        await page.GetByLabel("Engine").SelectOptionAsync("offline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assistant settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Assistant settings saved.");

        // Prompt templates: an unknown variable is refused at the body; a variable from the picker goes in at the cursor.
        await page.GetByRole(AriaRole.Link, new() { Name = "Prompt templates", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prompt templates" })).ToBeVisibleAsync();
        var body = page.GetByLabel("Body", new() { Exact = true });
        await Expect(body).Not.ToHaveValueAsync("");
        await body.FillAsync("Hello {{ customer.shoe_size }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.Locator(".field:has(textarea[name=body]) .error")).ToContainTextAsync("Unknown variables: {{ customer.shoe_size }}");
        await Expect(body).ToHaveAttributeAsync("aria-invalid", "true");

        await body.FillAsync("Welcome to !");
        await body.PressAsync("ArrowLeft");
        await page.GetByLabel("Variable", new() { Exact = true }).SelectOptionAsync("business.name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert variable" }).ClickAsync();
        await Expect(body).ToHaveValueAsync("Welcome to {{ business.name }}!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Template saved as a new version.");
        await Expect(page.GetByTestId("versions").Locator("li")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test render" }).ClickAsync();
        await Expect(page.GetByTestId("test-render").Locator("pre")).ToContainTextAsync("Welcome to Prompt Parlour!");
        await fixture.ScreenshotAsync(page, "settings-templates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Version 1 restored.");
        await Expect(body).Not.ToHaveValueAsync("Welcome to {{ business.name }}!");
        await Expect(page.GetByTestId("versions").Locator("li")).ToHaveCountAsync(3);

        // The knowledge base: an article, then found by the question box, shown as text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge base", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Parking <b>behind</b> the parlour");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Answer", Exact = true }).FillAsync("Free parking for customers is behind the parlour, on Calle Mayor.");
        await page.GetByLabel("Tags").FillAsync("parking, location");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create article" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Article created.");
        await Expect(page.GetByTestId("articles")).ToContainTextAsync("Parking <b>behind</b> the parlour");

        await page.GetByLabel("A customer's question").FillAsync("Where can I find parking?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("answers")).ToContainTextAsync("Parking <b>behind</b> the parlour");
        await Expect(page.GetByTestId("answers")).ToContainTextAsync("Calle Mayor");
        Assert.Equal(0, await page.Locator("[data-testid=answers] b, [data-testid=articles] b").CountAsync());

        // Edit it, then the question finds the new answer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Parking <b>behind</b> the parlour" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Answer", Exact = true }).FillAsync("Free parking for customers is behind the parlour, on Calle Sol.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Article saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("answers")).ToContainTextAsync("Calle Sol");
        await fixture.ScreenshotAsync(page, "settings-knowledge");

        // Voice settings: saved, the key again write-only.
        await page.GetByRole(AriaRole.Link, new() { Name = "Voice notes", Exact = true }).ClickAsync();
        await page.GetByLabel("Transcribe customers' voice notes automatically").CheckAsync();
        await page.GetByLabel("Model").FillAsync("whisper-1");
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("sk-voice-secret-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save voice settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Voice settings saved.");
        await Expect(page.GetByTestId("voice-key-state")).ToContainTextAsync("An API key is set.");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Model")).ToHaveValueAsync("whisper-1");
        Assert.DoesNotContain("sk-voice-secret-77", await page.ContentAsync());
        await fixture.ScreenshotAsync(page, "settings-voice");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_factor_is_set_up_with_a_code_from_an_app_when_the_business_requires_it()
    {
        var owner = await fixture.SignUpAsync("Secure Studio");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Security", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("two-factor-state")).ToHaveTextAsync("Off.");
        await page.GetByLabel("Require two-factor authentication for everyone").CheckAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Two-factor authentication is now required.");
        await page.Context.CloseAsync();

        // Logging in again: the login answers that set-up is required, so the app opens the security page and says why.
        page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(owner.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(owner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security", Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/settings/security"));
        await Expect(page.GetByTestId("setup-required")).ToContainTextAsync("requires two-factor authentication");
        await page.GotoAsync("/inbox");
        await Expect(page.GetByTestId("setup-required")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        var secret = (await page.GetByTestId("totp-secret").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("totp-uri")).ToContainTextAsync("otpauth://totp/");
        await Expect(page.GetByTestId("totp-uri")).ToContainTextAsync($"secret={secret}");
        await page.GetByLabel("Code from the app").FillAsync("000000" == Totp(secret, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=code]) .error")).ToContainTextAsync("The code is not valid");
        await fixture.ScreenshotAsync(page, "settings-security-setup");

        await page.GetByLabel("Code from the app").FillAsync(Totp(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        var codes = page.GetByTestId("recovery-codes").Locator("li");
        await Expect(codes).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("On. 10 recovery codes left.");
        await Expect(page.GetByTestId("setup-required")).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "settings-security-recovery-codes");

        // The full app is open again, and the recovery codes are not shown a second time.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await page.GotoAsync("/settings/security");
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("On.");
        await Expect(page.GetByTestId("recovery-codes")).ToHaveCountAsync(0);

        // Turning it off takes the password, and is refused while the business requires it.
        await page.GetByLabel("Your password").FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor authentication" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=password]) .error")).ToHaveTextAsync("The password is not right.");
        await page.GetByLabel("Your password").FillAsync(owner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor authentication" }).ClickAsync();
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Your business requires two-factor authentication.");
        await page.GetByLabel("Require two-factor authentication for everyone").UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Two-factor authentication is now optional.");
        await page.GetByLabel("Your password").FillAsync(owner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor authentication" }).ClickAsync();
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("Off.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_notification_reaches_the_bell_live_and_is_marked_read()
    {
        var owner = await fixture.SignUpAsync("Bell Barbers");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Nina Notify", "Hello there");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ned Notify", "Hi");
        var api = await fixture.ApiAsync(owner);
        var (agentId, agentEmail, agentPassword) = await AgentAsync(api);

        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, agentEmail, agentPassword);
        await BrowserSession.WaitUntilLiveAsync(page);
        var bell = page.Locator("button.bell");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications");

        var conversations = (await api.SendAsync(HttpMethod.Get, "/api/conversations")).GetProperty("items").EnumerateArray().ToList();
        string IdOf(string name) => conversations.First(c => c.GetProperty("customer").GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        await api.SendAsync(HttpMethod.Post, $"/api/conversations/{IdOf("Nina Notify")}/assign", new { employeeId = agentId });
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await api.SendAsync(HttpMethod.Post, $"/api/conversations/{IdOf("Ned Notify")}/assign", new { employeeId = agentId });
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 2 unread");

        await bell.ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        var list = page.GetByTestId("notifications");
        await Expect(list).ToContainTextAsync("You were assigned the conversation with Nina Notify");
        await Expect(list).ToContainTextAsync("You were assigned the conversation with Ned Notify");
        await fixture.ScreenshotAsync(page, "notifications-bell");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark read: You were assigned the conversation with Nina Notify" }).ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications");
        await Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);

        // Read on the server too: a reload shows nothing unread; a link opens the conversation.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications");
        await bell.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "You were assigned the conversation with Nina Notify" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/inbox/{IdOf("Nina Notify")}$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_analytics_page_shows_conversations_revenue_and_the_team_and_exports_CSV()
    {
        var owner = await fixture.SignUpAsync("Numbers Nails");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        await api.SendAsync(HttpMethod.Put, "/api/availability/hours", new
        {
            weeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
                .Select(weekday => new { weekday, opens = "09:00", closes = "17:00" }),
            exceptions = Array.Empty<object>(),
        });
        var service = await api.SendAsync(HttpMethod.Post, "/api/services", new { name = "Manicure", priceMinor = 2500, currency = "EUR", durationMinutes = 30 });
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ana Analytics", "Can I book a manicure?");
        var customers = await api.SendAsync(HttpMethod.Get, "/api/customers?search=Ana%20Analytics");
        var customerId = customers.GetProperty("items")[0].GetProperty("id").GetString();
        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await api.SendAsync(HttpMethod.Post, "/api/bookings", new { serviceId = service.GetProperty("id").GetString(), customerId, start = $"{tomorrow}T10:00:00+00:00", status = "confirmed" });

        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analytics", Exact = true })).ToBeVisibleAsync();
        var today = DateTime.UtcNow.Date;
        await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync(new Regex("^\\d{4}-\\d{2}-\\d{2}$"));
        await Expect(page.GetByTestId("kpi-started")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("conversations-report").Locator("canvas[role=img]")).ToHaveCountAsync(1);
        // Chart.js drew the bars: the canvas is no longer blank.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
              const canvas = document.querySelector('[data-testid=conversations-report] canvas');
              return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some(v => v !== 0);
            }
            """));
        await Expect(page.GetByTestId("revenue-report")).ToContainTextAsync("Manicure");
        await Expect(page.GetByTestId("revenue-report")).ToContainTextAsync("25.00");
        await Expect(page.GetByTestId("performance-report")).ToContainTextAsync("Olivia Owner");
        await fixture.ScreenshotAsync(page, "analytics");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export revenue CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Manicure", csv);

        // A range the API refuses: the error is shown at the field.
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=from]) .error, .field:has(input[name=to]) .error")).Not.ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("kpi-started")).ToHaveTextAsync("1");
        await fixture.ScreenshotAsync(page, "analytics-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_settings_and_insight_pages_pass_the_WCAG_AA_checks_of_axe_core()
    {
        var owner = await fixture.SignUpAsync("Accessible Settings");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ada Settings", "Hello");
        var api = await fixture.ApiAsync(owner);
        await api.SendAsync(HttpMethod.Post, "/api/knowledge", new { title = "Opening times", body = "We open at nine.", tags = new[] { "hours" } });
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("kpi-started")).ToHaveTextAsync("1");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        foreach (var (link, heading) in new[] { ("Assistant", "Assistant"), ("Prompt templates", "Prompt templates"), ("Knowledge base", "Knowledge base"), ("Voice notes", "Voice notes"), ("Security", "Security") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
            Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        }

        // With their error states, results and open panels.
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await page.GetByLabel("Code from the app").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=code]) .error")).ToBeVisibleAsync();
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Prompt templates", Exact = true }).ClickAsync();
        await page.GetByLabel("Body", new() { Exact = true }).FillAsync("{{ nope }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.Locator(".field:has(textarea[name=body]) .error")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test render" }).ClickAsync();
        await Expect(page.GetByTestId("test-render")).ToBeVisibleAsync();
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true }).ClickAsync();
        await page.GetByLabel("A customer's question").FillAsync("When do you open?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("answers")).ToContainTextAsync("Opening times");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.Locator("button.bell").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications" })).ToBeVisibleAsync();
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/settings/templates");
        await Expect(page.GetByLabel("Body", new() { Exact = true })).Not.ToHaveValueAsync("");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "settings-templates-phone");
        await page.Context.CloseAsync();
    }

    /// <summary>RFC 6238 with the app's defaults (HMAC-SHA1, 30 s, 6 digits), written here independently of the product.</summary>
    private static string Totp(string base32Secret, DateTimeOffset at)
    {
        var key = Base32Decode(base32Secret);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    /// <summary>An agent of the owner's business: invited by e-mail, joined through the e-mailed token.</summary>
    private async Task<(string Id, string Email, string Password)> AgentAsync(OwnerApi api)
    {
        var email = $"agent-{Guid.NewGuid():N}@example.test";
        const string password = "an agent's long passphrase";
        await api.SendAsync(HttpMethod.Post, "/api/employees", new { email, role = "agent" });
        var link = await TestSupport.Eventually.ReturnsAsync(
            "the invitation e-mail", TimeSpan.FromSeconds(10), () => Task.FromResult(fixture.InvitationLink(email)), found => found is not null);
        var token = new Uri(link!).Query.Split("token=")[1];
        using var response = await fixture.Http.PostAsJsonAsync("/api/auth/accept-invitation", new { token, displayName = "Alex Agent", password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("employee").GetProperty("id").GetString()!;
        return (id, email, password);
    }
}
