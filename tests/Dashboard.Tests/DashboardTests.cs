using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>The dashboard in Debian's Chromium against the real product on 127.0.0.1 and a fake WhatsApp Cloud API.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    private static string NewCustomerWaId() => Random.Shared.NextInt64(34_600_000_000, 34_699_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Owner_signs_up_connects_a_number_without_seeing_its_secrets_and_logs_in_again()
    {
        var page = await fixture.NewPageAsync();
        var email = $"signup-{Guid.NewGuid():N}@example.test";
        const string password = "a long and unusual passphrase";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log in", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"));
        await fixture.ScreenshotAsync(page, "login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a business account" }).ClickAsync();
        await page.GetByLabel("Business name").FillAsync("Browser Bakery");
        await page.GetByLabel("Your name").FillAsync("Bea Baker");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Time zone").FillAsync("Europe/Madrid");
        await fixture.ScreenshotAsync(page, "signup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        // Signed up and logged in: the first stop is the getting-started steps; the numbers are also under Settings.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your business" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "WhatsApp numbers" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No number connected yet.")).ToBeVisibleAsync();
        const string accessToken = "EAAG-secret-access-token-1234567890";
        const string appSecret = "an-app-secret-of-32-characters!!";
        await page.GetByLabel("Phone number id").FillAsync("123456789012345");
        await page.GetByLabel("Display phone number").FillAsync("+34 600 111 222");
        await page.GetByLabel("Access token").FillAsync(accessToken);
        await page.GetByLabel("App secret").FillAsync(appSecret);
        await page.GetByLabel("Webhook verify token").FillAsync("bakery-verify-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        var channels = page.GetByTestId("channels");
        await Expect(channels).ToContainTextAsync("+34 600 111 222");
        await Expect(channels).ToContainTextAsync("access token set, app secret set, verify token set");
        await Expect(channels).ToContainTextAsync("Through the provider");
        var html = await page.ContentAsync();
        Assert.DoesNotContain(accessToken, html, StringComparison.Ordinal);
        Assert.DoesNotContain(appSecret, html, StringComparison.Ordinal);
        await fixture.ScreenshotAsync(page, "settings-whatsapp");

        // A Twilio number beside it, then the Meta one removed (after confirming).
        await page.GetByLabel("Twilio").CheckAsync();
        await page.GetByLabel("Sender number").FillAsync("+14155238886");
        await page.GetByLabel("Account SID").FillAsync("AC" + new string('a', 32));
        await page.GetByLabel("Auth token").FillAsync("twilio-auth-token-0123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(channels).ToContainTextAsync("+14155238886");
        await Expect(channels).ToContainTextAsync("auth token set");
        Assert.DoesNotContain("twilio-auth-token-0123456789", await page.ContentAsync(), StringComparison.Ordinal);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove +34 600 111 222" }).ClickAsync();
        await Expect(channels).Not.ToContainTextAsync("+34 600 111 222");
        await Expect(channels).ToContainTextAsync("+14155238886");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Conversations" })).ToBeVisibleAsync();
        await BrowserSession.LogInAsync(page, email, password);
        await Expect(page.GetByText("No conversations match these filters yet.")).ToBeVisibleAsync();

        // The access token lives in memory only: a reload gets a new one from the httpOnly refresh cookie.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        Assert.DoesNotContain("conversations_refresh", await page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_customer_message_appears_live_and_the_reply_reaches_WhatsApp_with_a_sent_tick()
    {
        var owner = await fixture.SignUpAsync("Live Tarot");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var customer = NewCustomerWaId();
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(page);

        // No reload from here on: the conversation arrives through the hub.
        await fixture.CustomerWritesAsync(number, customer, "Ana Live", "Hello, can I book a reading?");
        var row = BrowserSession.Conversation(page, "Ana Live");
        await Expect(row).ToContainTextAsync("Hello, can I book a reading?");
        await Expect(row.GetByTestId("unread-badge")).ToHaveTextAsync("1");
        await fixture.CustomerWritesAsync(number, customer, "Ana Live", "Tomorrow if possible");
        await Expect(row.GetByTestId("unread-badge")).ToHaveTextAsync("2");
        await Expect(row).ToContainTextAsync("Tomorrow if possible");
        await fixture.ScreenshotAsync(page, "inbox");

        await row.ClickAsync();
        var messages = page.Locator("ol.messages");
        await Expect(messages.Locator(".bubble.inbound")).ToHaveCountAsync(2);
        await Expect(row.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await Expect(messages.GetByRole(AriaRole.Separator)).ToHaveTextAsync("Today");

        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Of course! 10:00 works.");
        await page.GetByLabel("Message", new() { Exact = true }).PressAsync("Enter");

        var sent = await TestSupport.Eventually.ReturnsAsync(
            "the reply at the fake Cloud API", TimeSpan.FromSeconds(15),
            () => Task.FromResult(fixture.Meta.Accepted.Where(r => r.Path.Contains(number.PhoneNumberId, StringComparison.Ordinal)).ToList()),
            requests => requests.Count == 1);
        using (var request = JsonDocument.Parse(sent[0].Body))
        {
            Assert.Equal(customer, request.RootElement.GetProperty("to").GetString());
            Assert.Equal("Of course! 10:00 works.", request.RootElement.GetProperty("text").GetProperty("body").GetString());
        }

        var reply = messages.Locator(".bubble.outbound").Filter(new() { HasText = "Of course! 10:00 works." });
        await Expect(reply.Locator("[data-delivery]")).ToHaveAttributeAsync("data-delivery", "sent");
        await Expect(reply.GetByRole(AriaRole.Img, new() { Name = "Sent" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("");
        await fixture.ScreenshotAsync(page, "chat");

        // Phone width: one pane at a time, with a way back to the list.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Back to the conversation list" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "chat-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the conversation list" }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "inbox-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Outside_the_24_hour_window_the_composer_sends_a_template()
    {
        var owner = await fixture.SignUpAsync("Window Spa");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var customer = NewCustomerWaId();
        await fixture.CustomerWritesAsync(number, customer, "Wendy Window", "Thanks, see you!", DateTimeOffset.UtcNow.AddDays(-2));
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.Conversation(page, "Wendy Window").ClickAsync();
        await Expect(page.Locator("ol.messages .bubble.inbound")).ToHaveCountAsync(1);

        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Are you still interested?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send a template" })).ToBeVisibleAsync();
        await page.GetByLabel("Template name").FillAsync("follow_up");
        await page.GetByLabel("Language").FillAsync("en_US");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add parameter" }).ClickAsync();
        await page.GetByLabel("Parameter {{1}}").FillAsync("Wendy");
        await fixture.ScreenshotAsync(page, "chat-template");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send template" }).ClickAsync();

        var sent = await TestSupport.Eventually.ReturnsAsync(
            "the template at the fake Cloud API", TimeSpan.FromSeconds(15),
            () => Task.FromResult(fixture.Meta.Accepted.Where(r => r.Path.Contains(number.PhoneNumberId, StringComparison.Ordinal)).ToList()),
            requests => requests.Count == 1);
        using (var request = JsonDocument.Parse(sent[0].Body))
        {
            Assert.Equal("template", request.RootElement.GetProperty("type").GetString());
            Assert.Equal("follow_up", request.RootElement.GetProperty("template").GetProperty("name").GetString());
        }

        var bubble = page.Locator("ol.messages .bubble.outbound");
        await Expect(bubble).ToContainTextAsync("follow_up");
        await Expect(bubble.Locator("[data-delivery]")).ToHaveAttributeAsync("data-delivery", "sent");
        // Two days: the customer's message and today's template sit under their own date separators.
        await Expect(page.Locator("ol.messages").GetByRole(AriaRole.Separator)).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Offline_shows_a_banner_and_the_inbox_catches_up_when_back()
    {
        var owner = await fixture.SignUpAsync("Flaky Wifi Cafe");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(page);

        await page.Context.SetOfflineAsync(true);
        await Expect(page.GetByTestId("connection-banner")).ToContainTextAsync("reconnecting");
        await fixture.ScreenshotAsync(page, "inbox-offline");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Olga Offline", "Did you get this?");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("connection-banner")).ToHaveCountAsync(0);
        await Expect(BrowserSession.Conversation(page, "Olga Offline")).ToContainTextAsync("Did you get this?");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_main_pages_pass_the_WCAG_AA_checks_of_axe_core()
    {
        var owner = await fixture.SignUpAsync("Accessible Atelier");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ada Access", "Can I come at noon?");
        var page = await fixture.NewPageAsync(bypassCsp: true);

        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Conversations" })).ToBeVisibleAsync();
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.Conversation(page, "Ada Access").ClickAsync();
        await Expect(page.Locator("ol.messages .bubble.inbound")).ToHaveCountAsync(1);
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        // The inbox works from the keyboard: the search field, then the filters, then the conversations.
        await page.GetByLabel("Search conversations").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("mode", await page.EvaluateAsync<string>("() => document.activeElement.name"));

        foreach (var (link, heading) in new[] { ("Settings", "WhatsApp numbers"), ("Team", "Team"), ("Bookings", "Bookings"), ("Customers", "Customers"), ("Services", "Services"), ("Analytics", "Analytics"), ("Outbox", "Local outbox") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
            Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        }

        await fixture.ScreenshotAsync(page, "outbox");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Locations_documents_and_images_are_shown_from_their_content()
    {
        var owner = await fixture.SignUpAsync("Media Clinic");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var customer = NewCustomerWaId();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await fixture.PostDeliveryAsync(number, $$$"""
            [{"from":"{{{customer}}}","id":"wamid.loc{{{now}}}","timestamp":"{{{now}}}","type":"location","location":{"latitude":40.4168,"longitude":-3.7038,"name":"Puerta del Sol","address":"Madrid"}},
             {"from":"{{{customer}}}","id":"wamid.doc{{{now}}}","timestamp":"{{{now}}}","type":"document","document":{"id":"media-1","mime_type":"application/pdf","filename":"invoice.pdf","caption":"My invoice"}},
             {"from":"{{{customer}}}","id":"wamid.img{{{now}}}","timestamp":"{{{now}}}","type":"image","image":{"id":"media-2","mime_type":"image/jpeg","caption":"The rash"}}]
            """, $$$"""[{"profile":{"name":"Mia Media"},"wa_id":"{{{customer}}}"}]""");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.Conversation(page, "Mia Media").ClickAsync();

        var messages = page.Locator("ol.messages");
        await Expect(messages.Locator(".bubble.inbound")).ToHaveCountAsync(3);
        await Expect(messages).ToContainTextAsync("📍 Puerta del Sol");
        await Expect(messages.GetByRole(AriaRole.Link, new() { NameRegex = new("Open map") })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("openstreetmap\\.org/\\?mlat=40\\.4168&mlon=-3\\.7038"));
        await Expect(messages).ToContainTextAsync("invoice.pdf");
        await Expect(messages).ToContainTextAsync("My invoice");
        // Meta sends inbound media as an id; once the outbox has fetched our copy, the chat shows it (fetched with the
        // token, since an <img> cannot send one) and offers the document for download.
        await Expect(messages.GetByRole(AriaRole.Img, new() { Name = "The rash" })).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(messages.GetByRole(AriaRole.Button, new() { Name = "invoice.pdf" })).ToBeVisibleAsync();
        await Expect(messages).ToContainTextAsync("The rash");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Markup_in_a_customer_message_is_shown_as_text_and_never_runs()
    {
        var owner = await fixture.SignUpAsync("Safe Shop");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(page);

        const string hostile = "<script>alert(1)</script> and <img src=x onerror=\"window.__injected=1;alert(2)\"> <b>bold?</b>";
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "<i>Mallory</i>", hostile);

        var row = BrowserSession.Conversation(page, "<i>Mallory</i>");
        await Expect(row).ToContainTextAsync(hostile);
        await row.ClickAsync();
        var bubble = page.Locator("ol.messages .bubble.inbound");
        await Expect(bubble.Locator("p.text")).ToHaveTextAsync(hostile);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "<i>Mallory</i>" })).ToBeVisibleAsync();

        Assert.Equal(0, await page.Locator("ol.messages script, ol.messages img, ol.messages b, .conversations img, .conversations script, .conversations i").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__injected === undefined"));
        Assert.Empty(dialogs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_agents_of_one_business_both_see_a_new_message_live()
    {
        var owner = await fixture.SignUpAsync("Team Salon");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var ownerPage = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(ownerPage, owner.Email, owner.Password);

        // The owner invites an agent from the team page; the agent accepts from the e-mailed link.
        var agentEmail = $"agent-{Guid.NewGuid():N}@example.test";
        await ownerPage.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await ownerPage.GetByLabel("E-mail", new() { Exact = true }).FillAsync(agentEmail);
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(ownerPage.GetByTestId("employees")).ToContainTextAsync(agentEmail);
        await fixture.ScreenshotAsync(ownerPage, "team");

        var link = await TestSupport.Eventually.ReturnsAsync(
            "the invitation e-mail", TimeSpan.FromSeconds(10), () => Task.FromResult(fixture.InvitationLink(agentEmail)), found => found is not null);
        var agentPage = await fixture.NewPageAsync();
        await agentPage.GotoAsync(link!);
        await agentPage.GetByLabel("Your name").FillAsync("Alex Agent");
        await agentPage.GetByLabel("Choose a password").FillAsync("another long passphrase");
        await agentPage.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(agentPage.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(agentPage.Locator(".account .who")).ToHaveTextAsync("Alex Agent");

        await ownerPage.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await BrowserSession.WaitUntilLiveAsync(ownerPage);
        await BrowserSession.WaitUntilLiveAsync(agentPage);
        var customer = NewCustomerWaId();
        await fixture.CustomerWritesAsync(number, customer, "Carla Both", "Is anyone there?");

        foreach (var page in new[] { ownerPage, agentPage })
        {
            var row = BrowserSession.Conversation(page, "Carla Both");
            await Expect(row).ToContainTextAsync("Is anyone there?");
            await Expect(row.GetByTestId("unread-badge")).ToHaveTextAsync("1");
        }

        // The agent has the chat open: the next message appears in it for the agent and in the owner's list.
        await BrowserSession.Conversation(agentPage, "Carla Both").ClickAsync();
        await Expect(agentPage.Locator("ol.messages .bubble.inbound")).ToHaveCountAsync(1);
        await fixture.CustomerWritesAsync(number, customer, "Carla Both", "Hello?");
        await Expect(agentPage.Locator("ol.messages .bubble.inbound")).ToHaveCountAsync(2);
        await Expect(BrowserSession.Conversation(ownerPage, "Carla Both")).ToContainTextAsync("Hello?");
        await Expect(BrowserSession.Conversation(ownerPage, "Carla Both").GetByTestId("unread-badge")).ToHaveTextAsync("2");

        await ownerPage.Context.CloseAsync();
        await agentPage.Context.CloseAsync();
    }
}
