using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>General and branding settings, the assistant's tone and handoff rules, WhatsApp test messages, presence, e-mail verification.</summary>
[Collection(DashboardCollection.Name)]
public sealed class GeneralSettingsDashboardTests(DashboardFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static Task<string> TopBarStyleAsync(IPage page, string property) =>
        page.Locator(".topbar").EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    [Fact]
    public async Task General_settings_show_errors_at_their_fields_and_the_branding_colours_the_dashboard()
    {
        var owner = await fixture.SignUpAsync("Branded Bakery");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "General", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "General", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Business name")).ToHaveValueAsync("Branded Bakery");
        await Expect(page.GetByText("Sent automatically to customers who write outside business hours")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit the business hours" })).ToHaveAttributeAsync("href", "/services/hours");
        // The time zone list is searchable: the browser's own IANA zones.
        Assert.True(await page.Locator("datalist option[value='Europe/Madrid']").CountAsync() == 1);

        // The API names the fields at fault (general.timeZone, general.language); each error shows at its field.
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByLabel("Language").FillAsync("not a language!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save general settings" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=timeZone]) .error")).ToContainTextAsync("IANA time zone");
        await Expect(page.Locator(".field:has(input[name=language]) .error")).ToContainTextAsync("BCP 47");
        await Expect(page.GetByLabel("Time zone")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Time zone").FillAsync("Europe/Madrid");
        await page.GetByLabel("Language").FillAsync("pt-br");
        await page.GetByLabel("Away message").FillAsync("We are closed now; we answer at 9:00.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save general settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("General settings saved.");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Madrid");
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("pt-BR");
        await Expect(page.GetByLabel("Away message")).ToHaveValueAsync("We are closed now; we answer at 9:00.");

        // Branding: a colour that is not #RRGGBB is refused at its field; then a logo and the business's colours.
        var defaultBar = await TopBarStyleAsync(page, "backgroundColor");
        await page.GetByLabel("Primary colour", new() { Exact = true }).FillAsync("#12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=primaryColor]) .error")).ToContainTextAsync("#RRGGBB");

        await page.GetByLabel("Logo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.GetByTestId("logo-preview")).ToBeVisibleAsync();
        await page.GetByLabel("Primary colour", new() { Exact = true }).FillAsync("#6A1B9A");
        await page.GetByLabel("Accent colour", new() { Exact = true }).FillAsync("#ffb300");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Branding saved.");
        await Expect(page.GetByLabel("Accent colour", new() { Exact = true })).ToHaveValueAsync("#FFB300");
        await Expect(page.GetByTestId("brand-logo")).ToBeVisibleAsync();
        Assert.Equal("rgb(106, 27, 154)", await TopBarStyleAsync(page, "backgroundColor"));
        Assert.Equal("rgb(255, 179, 0)", await TopBarStyleAsync(page, "borderBottomColor"));

        // After a reload the colours come from the saved settings; the page stays accessible in them.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("brand-logo")).ToBeVisibleAsync();
        Assert.Equal("rgb(106, 27, 154)", await TopBarStyleAsync(page, "backgroundColor"));
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "settings-general");

        // A primary colour too light for white text only marks the border: buttons and links keep a readable colour.
        await page.GetByLabel("Primary colour", new() { Exact = true }).FillAsync("#FFEB3B");
        await Expect(page.GetByTestId("contrast-note")).ToBeVisibleAsync();
        await page.GetByLabel("Accent colour", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Branding saved.");
        Assert.Equal(defaultBar, await TopBarStyleAsync(page, "backgroundColor"));
        Assert.Equal("rgb(255, 235, 59)", await TopBarStyleAsync(page, "borderBottomColor"));
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        var settings = await ApiAsync(owner, "/api/settings");
        Assert.Equal("#FFEB3B", settings.GetProperty("branding").GetProperty("primaryColor").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("branding").GetProperty("accentColor").ValueKind);
        Assert.Equal(JsonValueKind.String, settings.GetProperty("branding").GetProperty("logoMediaId").ValueKind);
        Assert.Equal("Europe/Madrid", settings.GetProperty("general").GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task The_assistants_tone_and_handoff_rules_are_saved_through_the_settings_document()
    {
        var owner = await fixture.SignUpAsync("Toned Tailor");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/settings/assistant");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tone and handoff" })).ToBeVisibleAsync();

        await page.GetByLabel("Tone", new() { Exact = true }).SelectOptionAsync("formal");
        await page.GetByLabel("Hand over after this many misunderstood messages").FillAsync("11");
        await page.GetByLabel("Handoff keywords").FillAsync("Human");
        await page.GetByLabel("Handoff keywords").PressAsync("Enter");
        await page.GetByLabel("Handoff keywords").FillAsync("speak to a manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add keyword" }).ClickAsync();
        await page.GetByLabel("Handoff keywords").FillAsync("refund");
        await page.GetByLabel("Handoff keywords").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove refund" }).ClickAsync();
        await Expect(page.GetByTestId("handoff-keywords").Locator("li")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tone and handoff rules" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=maxMisunderstandings]) .error")).ToContainTextAsync("1 to 10");

        await page.GetByLabel("Hand over after this many misunderstood messages").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tone and handoff rules" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tone and handoff rules saved.");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Tone", new() { Exact = true })).ToHaveValueAsync("formal");
        await Expect(page.GetByLabel("Hand over after this many misunderstood messages")).ToHaveValueAsync("3");
        await Expect(page.GetByTestId("handoff-keywords").Locator("li")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("handoff-keywords")).ToContainTextAsync("human");
        await Expect(page.GetByTestId("handoff-keywords")).ToContainTextAsync("speak to a manager");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "settings-assistant-handoff");

        var ai = (await ApiAsync(owner, "/api/settings")).GetProperty("ai");
        Assert.Equal("formal", ai.GetProperty("tone").GetString());
        Assert.Equal(3, ai.GetProperty("handoff").GetProperty("maxMisunderstandings").GetInt32());
        Assert.Equal(["human", "speak to a manager"], ai.GetProperty("handoff").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_owner_sends_a_test_message_to_their_phone_from_the_settings_and_the_onboarding()
    {
        var owner = await fixture.SignUpAsync("Testing Tapas");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/settings/whatsapp");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send a test message" })).ToBeVisibleAsync();

        await page.GetByLabel("Your phone number").FillAsync("600 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test message" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=to]) .error")).ToContainTextAsync("E.164");

        await page.GetByLabel("Your phone number").FillAsync("+34 600 555 101");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test message" }).ClickAsync();
        await Expect(page.GetByTestId("test-message-outcome")).ToContainTextAsync("template hello_world");
        var sent = Assert.Single(fixture.Meta.Requests, r => r.Path.EndsWith($"/{number.PhoneNumberId}/messages", StringComparison.Ordinal));
        using (var body = JsonDocument.Parse(sent.Body))
        {
            Assert.Equal("34600555101", body.RootElement.GetProperty("to").GetString());
            Assert.Equal("hello_world", body.RootElement.GetProperty("template").GetProperty("name").GetString());
        }

        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "settings-whatsapp-test-message");

        // The first getting-started step offers the same once a number is connected.
        await page.GotoAsync("/onboarding");
        await page.GetByLabel("Your phone number").FillAsync("+34600555102");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test message" }).ClickAsync();
        await Expect(page.GetByTestId("test-message-outcome")).ToContainTextAsync("Check your phone.");
        Assert.Single(fixture.Meta.Requests, r => r.Body.Contains("34600555102", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agent_sets_themselves_away_and_available_and_the_presence_dots_follow()
    {
        var owner = await fixture.SignUpAsync("Away Atelier");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/team");
        await BrowserSession.WaitUntilLiveAsync(page);
        var toggle = page.GetByTestId("away-toggle");
        var myRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "(you)" });
        await Expect(page.Locator(".away-toggle [data-presence]")).ToHaveAttributeAsync("data-presence", "online");
        await Expect(myRow.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "online");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Set me available");
        await Expect(page.Locator(".away-toggle [data-presence]")).ToHaveAttributeAsync("data-presence", "away");
        await Expect(myRow.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "away");
        await fixture.ScreenshotAsync(page, "presence-away");

        // A colleague's view (another tab of the team page) shows it too, live.
        var other = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(other, owner.Email, owner.Password);
        await other.GotoAsync("/team");
        await BrowserSession.WaitUntilLiveAsync(other);
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Set me away");
        await Expect(myRow.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "online");
        await Expect(other.GetByRole(AriaRole.Row).Filter(new() { HasText = "(you)" }).Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "online");
    }

    [Fact]
    public async Task The_verification_link_confirms_the_address_once()
    {
        var owner = await fixture.SignUpAsync("Verified Vintners");
        var link = await TestSupport.Eventually.ReturnsAsync(
            "the verification e-mail", TimeSpan.FromSeconds(10), () => Task.FromResult(MailedLink(owner.Email, "verify-email")), found => found is not null);
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(link!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your e-mail address" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your e-mail address is confirmed. Thank you!");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "verify-email");

        await page.GotoAsync(link!);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("it was used or has expired");
        await page.GotoAsync("/verify-email");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no verification token");
    }

    private async Task<JsonElement> ApiAsync(Owner owner, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", await fixture.AccessTokenAsync(owner));
        using var response = await fixture.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private string? MailedLink(string address, string pagePath) =>
        !Directory.Exists(fixture.App.MailFolder)
            ? null
            : Directory.EnumerateFiles(fixture.App.MailFolder, "*.eml")
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase)))
                .Select(m => Regex.Match(m.TextBody ?? "", $@"https?://\S+/{pagePath}\?token=[A-Za-z0-9_-]+"))
                .Where(match => match.Success)
                .Select(match => match.Value)
                .LastOrDefault();
}
