using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>
/// The agent's workspace in a real browser: the composer's emoji grid, attachments and canned responses, the roles
/// page, Web Push opt-in and colleagues' presence.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkspaceDashboardTests(DashboardFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static string NewCustomerWaId() => Random.Shared.NextInt64(34_600_000_000, 34_699_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private ILocator Composer(IPage page) => page.GetByLabel("Message", new() { Exact = true });

    [Fact]
    public async Task The_composer_puts_an_emoji_at_the_caret_and_a_canned_response_with_its_variables_filled()
    {
        var owner = await fixture.SignUpAsync("Emoji Bistro");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        await api.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcode = "thanks", title = "Thank you", body = "Thank you {{customer.name}}! {{agent.name}} from {{business.name}}." });
        await api.SendAsync(HttpMethod.Post, "/api/canned-responses", new { shortcode = "hours", title = "Opening hours", body = "We open at 9 <b>sharp</b>." });
        var customer = NewCustomerWaId();
        await fixture.CustomerWritesAsync(number, customer, "Carla Canned", "Hi there");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.Conversation(page, "Carla Canned").ClickAsync();

        // The emoji goes where the caret is, chosen with the keyboard alone.
        await Composer(page).FillAsync("Hello world");
        await Composer(page).PressAsync("Home");
        for (var i = 0; i < 5; i++)
        {
            await Composer(page).PressAsync("ArrowRight");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Insert emoji" }).ClickAsync();
        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "Emoji" });
        await Expect(picker).ToBeVisibleAsync();
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "grinning face" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "sweat smile" })).ToBeFocusedAsync();
        await fixture.ScreenshotAsync(page, "composer-emoji");
        await page.Keyboard.PressAsync("Enter");
        await Expect(picker).ToHaveCountAsync(0);
        await Expect(Composer(page)).ToHaveValueAsync("Hello😅 world");
        await Expect(Composer(page)).ToBeFocusedAsync();

        // Escape closes the grid without inserting anything.
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert emoji" }).ClickAsync();
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "grinning face" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(picker).ToHaveCountAsync(0);
        await Expect(Composer(page)).ToHaveValueAsync("Hello😅 world");

        // "/" opens the canned responses, typing filters them, the arrow keys choose, Enter puts the rendered text in.
        await Composer(page).FillAsync("");
        await Composer(page).PressSequentiallyAsync("/");
        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Canned responses" });
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(Composer(page)).ToHaveAttributeAsync("aria-expanded", "true");
        var first = list.GetByRole(AriaRole.Option).Nth(0);
        var second = list.GetByRole(AriaRole.Option).Nth(1);
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Composer(page).PressAsync("ArrowDown");
        await Expect(second).ToHaveAttributeAsync("aria-selected", "true");
        // The body is shown as text: markup in it is not markup.
        await Expect(list.GetByRole(AriaRole.Option, new() { Name = "/hours" })).ToContainTextAsync("We open at 9 <b>sharp</b>.");
        await fixture.ScreenshotAsync(page, "composer-canned");
        await Composer(page).PressSequentiallyAsync("tha");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(list.GetByRole(AriaRole.Option)).ToContainTextAsync("/thanks");
        await Composer(page).PressAsync("Enter");
        await Expect(Composer(page)).ToHaveValueAsync("Thank you Carla Canned! Olivia Owner from Emoji Bistro.");
        await Expect(list).ToHaveCountAsync(0);

        await Composer(page).PressAsync("Enter");
        await Expect(page.Locator("ol.messages .bubble.outbound")).ToContainTextAsync("Thank you Carla Canned! Olivia Owner from Emoji Bistro.");
        var used = await api.SendAsync(HttpMethod.Get, "/api/canned-responses?q=thanks");
        Assert.Equal(1, used[0].GetProperty("usageCount").GetInt64());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_attached_image_is_uploaded_and_reaches_WhatsApp_as_an_image_at_phone_width()
    {
        var owner = await fixture.SignUpAsync("Picture Bakery");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var customer = NewCustomerWaId();
        await fixture.CustomerWritesAsync(number, customer, "Paula Picture", "Do you have a menu?");
        var page = await fixture.NewPageAsync(390, 844);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.Conversation(page, "Paula Picture").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Attach a file" })).ToBeVisibleAsync();
        await page.Locator("#composer-file").SetInputFilesAsync(new FilePayload { Name = "menu.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.GetByTestId("attachment")).ToContainTextAsync("menu.png");
        await Composer(page).FillAsync("Our menu");
        await fixture.ScreenshotAsync(page, "composer-attachment-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var sent = await Eventually.ReturnsAsync(
            "the image at the fake Cloud API", TimeSpan.FromSeconds(15),
            () => Task.FromResult(fixture.Meta.Accepted.Where(r => r.Path.EndsWith($"{number.PhoneNumberId}/messages", StringComparison.Ordinal)).ToList()),
            requests => requests.Count == 1);
        using (var request = JsonDocument.Parse(sent[0].Body))
        {
            Assert.Equal(customer, request.RootElement.GetProperty("to").GetString());
            Assert.Equal("image", request.RootElement.GetProperty("type").GetString());
            Assert.Equal("Our menu", request.RootElement.GetProperty("image").GetProperty("caption").GetString());
            Assert.StartsWith("media.fake", request.RootElement.GetProperty("image").GetProperty("id").GetString());
        }

        Assert.Single(fixture.Meta.Accepted, r => r.Path.EndsWith($"{number.PhoneNumberId}/media", StringComparison.Ordinal));
        var bubble = page.Locator("ol.messages .bubble.outbound");
        await Expect(bubble.GetByRole(AriaRole.Img, new() { Name = "Our menu" })).ToBeVisibleAsync();
        await Expect(bubble.Locator("[data-delivery]")).ToHaveAttributeAsync("data-delivery", "sent");
        await Expect(page.GetByTestId("attachment")).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "chat-image-phone");

        // A PDF goes as a document with its name, and the chat offers it for download.
        await page.Locator("#composer-file").SetInputFilesAsync(new FilePayload { Name = "prices.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Expect(page.GetByTestId("attachment")).ToContainTextAsync("prices.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var document = await Eventually.ReturnsAsync(
            "the document at the fake Cloud API", TimeSpan.FromSeconds(15),
            () => Task.FromResult(fixture.Meta.Accepted.Where(r => r.Path.EndsWith($"{number.PhoneNumberId}/messages", StringComparison.Ordinal) && r.Body.Contains("\"document\"", StringComparison.Ordinal)).ToList()),
            requests => requests.Count == 1);
        using (var request = JsonDocument.Parse(document[0].Body))
        {
            Assert.Equal("prices.pdf", request.RootElement.GetProperty("document").GetProperty("filename").GetString());
        }

        var download = page.WaitForDownloadAsync();
        await page.Locator("ol.messages .bubble.outbound").GetByRole(AriaRole.Button, new() { Name = "prices.pdf" }).ClickAsync();
        Assert.Equal("prices.pdf", (await download).SuggestedFilename);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Roles_page_shows_the_matrix_and_a_custom_role_is_made_given_to_a_colleague_and_deleted()
    {
        var owner = await fixture.SignUpAsync("Roles Salon");
        var api = await fixture.ApiAsync(owner);
        var agent = await AgentAsync(api, "Rita Reception");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/settings/roles");

        var matrix = page.GetByTestId("role-matrix");
        await Expect(matrix.GetByRole(AriaRole.Img, new() { Name = "owner has roles.manage" })).ToBeVisibleAsync();
        await Expect(matrix.GetByRole(AriaRole.Img, new() { Name = "viewer lacks conversations.reply" })).ToBeVisibleAsync();
        // System roles are read-only.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit role agent" })).ToHaveCountAsync(0);

        await page.GetByLabel("Role name").FillAsync("receptionist");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "conversations.read", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "conversations.reply", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Role receptionist created.");
        await Expect(matrix.GetByRole(AriaRole.Img, new() { Name = "receptionist has conversations.reply" })).ToBeVisibleAsync();
        await Expect(matrix.GetByRole(AriaRole.Img, new() { Name = "receptionist lacks bookings.read" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit role receptionist" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "bookings.read", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save role" }).ClickAsync();
        await Expect(matrix.GetByRole(AriaRole.Img, new() { Name = "receptionist has bookings.read" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "settings-roles");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        // A bad name is named at its field.
        await page.GetByLabel("Role name").FillAsync("Bad Name!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Expect(page.Locator(".field:has(input[name=name]) .error")).ToContainTextAsync("lower-case");

        // Given to a colleague on the team page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await page.GetByLabel("Role of Rita Reception").SelectOptionAsync("receptionist");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rita Reception is now receptionist.");
        Assert.Equal("receptionist", (await api.SendAsync(HttpMethod.Get, $"/api/employees/{agent.Id}")).GetProperty("role").GetString());

        // A role someone holds cannot be deleted; once nobody does, it can.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GotoAsync("/settings/roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete role receptionist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("hold this role");
        await api.SendAsync(HttpMethod.Patch, $"/api/employees/{agent.Id}", new { role = "agent" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete role receptionist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Role receptionist deleted.");
        await Expect(matrix.Locator("th[data-role=receptionist]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Canned_responses_are_managed_on_their_settings_page()
    {
        var owner = await fixture.SignUpAsync("Canned Studio");
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/settings/canned-responses");
        await Expect(page.GetByText("No canned responses yet.")).ToBeVisibleAsync();

        await page.GetByLabel("Shortcode").FillAsync("welcome");
        await page.GetByLabel("Title").FillAsync("Welcome");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hi {{customer.nickname}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create canned response" }).ClickAsync();
        await Expect(page.Locator(".field:has(textarea[name=body]) .error")).ToContainTextAsync("Unknown variables: customer.nickname");

        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hi {{customer.name}}, <i>welcome</i>!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create canned response" }).ClickAsync();
        var list = page.GetByTestId("canned-responses");
        await Expect(list).ToContainTextAsync("/welcome");
        await Expect(list).ToContainTextAsync("Hi {{customer.name}}, <i>welcome</i>!");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "settings-canned-responses");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit /welcome" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Warm welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save canned response" }).ClickAsync();
        await Expect(list).ToContainTextAsync("Warm welcome");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete /welcome" }).ClickAsync();
        await Expect(page.GetByText("No canned responses yet.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <remarks>
    /// Headless Chromium here has no push service it can reach (a closed network, no vendor's keys), so the page's
    /// <c>PushManager.subscribe</c> is replaced by one that returns a subscription at a fake push service on 127.0.0.1
    /// with a real P-256 key. Everything else is real: the permission prompt (granted), the service worker, the
    /// VAPID key from the API, the subscription reaching the API, and the server's encrypted push reaching the fake
    /// when the owner is assigned a conversation.
    /// </remarks>
    [Fact]
    public async Task Push_opt_in_registers_the_browser_subscription_and_the_server_pushes_to_it()
    {
        await using var pushService = new FakePushService();
        await pushService.StartAsync();
        var owner = await fixture.SignUpAsync("Push Parlour");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        var agent = await AgentAsync(api, "Pat Pusher");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Nina Notify", "Anyone there?");

        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(false).Q;
        var p256dh = Base64Url([0x04, .. point.X!, .. point.Y!]);
        var auth = Base64Url(RandomNumberGenerator.GetBytes(16));
        var endpoint = $"{pushService.BaseUrl}/push/{Guid.NewGuid():N}";

        var page = await fixture.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.Context.AddInitScriptAsync($$"""
            (() => {
              const subscription = {
                endpoint: "{{endpoint}}", expirationTime: null,
                toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: "{{p256dh}}", auth: "{{auth}}" } }; },
                async unsubscribe() { window.__pushSubscribed = false; return true; },
              };
              window.__pushSubscribed = false;
              PushManager.prototype.subscribe = async function (options) {
                const key = new Uint8Array(options.applicationServerKey);
                window.__pushKey = btoa(String.fromCharCode(...key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
                window.__pushSubscribed = true;
                return subscription;
              };
              PushManager.prototype.getSubscription = async function () { return window.__pushSubscribed ? subscription : null; };
            })();
            """);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        var toggle = page.GetByRole(AriaRole.Checkbox, new() { Name = "Push notifications on this device" });
        await Expect(toggle).Not.ToBeCheckedAsync();
        var subscribed = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/notifications/subscribe", StringComparison.Ordinal));
        await toggle.ClickAsync();
        Assert.Equal(204, (await subscribed).Status);
        await Expect(toggle).ToBeCheckedAsync();
        await fixture.ScreenshotAsync(page, "notifications-push-on");

        // The real service worker from the dashboard's public folder took control, subscribed with the server's key.
        Assert.True(await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL.endsWith('/sw.js')"));
        var vapid = await api.SendAsync(HttpMethod.Get, "/api/notifications/vapid-public-key");
        Assert.Equal(vapid.GetProperty("key").GetString(), await page.EvaluateAsync<string>("() => window.__pushKey"));

        // A colleague assigns the owner a conversation: the server pushes it to the browser's subscription.
        var conversation = (await api.SendAsync(HttpMethod.Get, "/api/conversations")).GetProperty("items")[0].GetProperty("id").GetString();
        using (var assign = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation}/assign") { Content = JsonContent.Create(new { employeeId = await OwnerIdAsync(api) }) })
        {
            assign.Headers.Authorization = new("Bearer", agent.AccessToken);
            using var assigned = await fixture.Http.SendAsync(assign);
            Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        }

        var pushed = await Eventually.ReturnsAsync(
            "the push at the push service", TimeSpan.FromSeconds(15),
            () => Task.FromResult(pushService.Requests.Where(r => endpoint.EndsWith(r.Path, StringComparison.Ordinal)).ToList()),
            requests => requests.Count == 1);
        Assert.Equal("POST", pushed[0].Method);
        Assert.StartsWith("vapid t=", pushed[0].Authorization, StringComparison.Ordinal);

        // Off again: the browser unsubscribes and the API forgets the subscription.
        var unsubscribed = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/notifications/unsubscribe", StringComparison.Ordinal));
        await toggle.ClickAsync();
        Assert.Equal(204, (await unsubscribed).Status);
        await Expect(toggle).Not.ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_colleague_presence_shows_live_beside_the_assignee_and_in_the_assign_menu()
    {
        var owner = await fixture.SignUpAsync("Presence Clinic");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        var agent = await AgentAsync(api, "Alex Agent");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Petra Presence", "Is Alex in today?");
        var conversation = (await api.SendAsync(HttpMethod.Get, "/api/conversations")).GetProperty("items")[0].GetProperty("id").GetString();
        await api.SendAsync(HttpMethod.Post, $"/api/conversations/{conversation}/assign", new { employeeId = agent.Id });

        var ownerPage = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(ownerPage, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(ownerPage);
        var row = BrowserSession.Conversation(ownerPage, "Petra Presence");
        var assignee = row.GetByTestId("assignee");
        await Expect(assignee).ToContainTextAsync("Alex Agent");
        await Expect(assignee.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "offline");
        await row.ClickAsync();
        await Expect(ownerPage.GetByTestId("mode")).ToHaveTextAsync("Alex Agent");

        // Alex logs in in another browser: Alex shows online for the owner, without a reload.
        var agentPage = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(agentPage, agent.Email, agent.Password);
        await BrowserSession.WaitUntilLiveAsync(agentPage);
        await Expect(assignee.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "online");
        await Expect(assignee.GetByRole(AriaRole.Img, new() { Name = "online" })).ToBeVisibleAsync();

        // The assign menu lists the team with their presence; the keyboard moves through it.
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Assign…" }).ClickAsync();
        var menu = ownerPage.GetByRole(AriaRole.Menu, new() { Name = "Assign to" });
        var alex = menu.GetByRole(AriaRole.Menuitemradio, new() { Name = "Alex Agent" });
        await Expect(alex).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(alex).ToBeFocusedAsync();
        await Expect(alex.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "online");
        await fixture.ScreenshotAsync(ownerPage, "inbox-presence-assign");

        // Alex leaves: offline, live, in the open menu.
        await agentPage.Context.CloseAsync();
        await Expect(alex.Locator("[data-presence]")).ToHaveAttributeAsync("data-presence", "offline");

        // Transfer to oneself with the keyboard: the owner is next by name.
        await ownerPage.Keyboard.PressAsync("ArrowDown");
        await Expect(menu.GetByRole(AriaRole.Menuitemradio, new() { Name = "Olivia Owner (you)" })).ToBeFocusedAsync();
        await ownerPage.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveCountAsync(0);
        await Expect(ownerPage.GetByTestId("mode")).ToHaveTextAsync("you");
        await Expect(assignee).ToContainTextAsync("You");
        await ownerPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_colleague_sees_who_is_typing_and_a_note_mentioning_them_reaches_their_bell()
    {
        var owner = await fixture.SignUpAsync("Typing Studio");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        var agent = await AgentAsync(api, "Tara Teammate");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Kim Keys", "Can someone help me?");

        var agentPage = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(agentPage, agent.Email, agent.Password);
        await BrowserSession.WaitUntilLiveAsync(agentPage);
        await BrowserSession.Conversation(agentPage, "Kim Keys").ClickAsync();

        var ownerPage = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(ownerPage, owner.Email, owner.Password);
        await BrowserSession.WaitUntilLiveAsync(ownerPage);
        await BrowserSession.Conversation(ownerPage, "Kim Keys").ClickAsync();

        // The owner types a reply: Tara sees it live, and it goes away a few seconds after the typing stops.
        await Composer(ownerPage).PressSequentiallyAsync("Hello Kim, let me check");
        var typing = agentPage.Locator(".chat > .typing");
        await Expect(typing).ToHaveTextAsync("Olivia Owner is typing…");
        await fixture.ScreenshotAsync(agentPage, "chat-colleague-typing");
        await Expect(typing).ToHaveTextAsync("", new() { Timeout = 15_000 });

        // A note that mentions Tara: shown with the mention, and in Tara's bell without a reload.
        var panel = ownerPage.GetByTestId("customer-panel");
        await panel.GetByLabel("Add a note").FillAsync("Tara, Kim asked about the gift card");
        var mention = panel.GetByRole(AriaRole.Group, new() { Name = "Mention colleagues" }).GetByRole(AriaRole.Button, new() { Name = "@Tara Teammate" });
        await mention.ClickAsync();
        await Expect(mention).ToHaveAttributeAsync("aria-pressed", "true");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Expect(panel.GetByTestId("notes")).ToContainTextAsync("Mentioned: @Tara Teammate");
        await Expect(mention).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(agentPage.Locator("button.bell")).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await agentPage.Locator("button.bell").ClickAsync();
        await Expect(agentPage.GetByTestId("notifications")).ToContainTextAsync("Olivia Owner mentioned you on Kim Keys");
        await fixture.ScreenshotAsync(agentPage, "bell-mention");
        await agentPage.Context.CloseAsync();
        await ownerPage.Context.CloseAsync();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<string> OwnerIdAsync(OwnerApi api) =>
        (await api.SendAsync(HttpMethod.Get, "/api/employees")).EnumerateArray().Single(e => e.GetProperty("role").GetString() == "owner").GetProperty("id").GetString()!;

    /// <summary>An agent of the owner's business: invited by e-mail, joined through the e-mailed token.</summary>
    private async Task<Colleague> AgentAsync(OwnerApi api, string displayName)
    {
        var email = $"agent-{Guid.NewGuid():N}@example.test";
        const string password = "an agent's long passphrase";
        await api.SendAsync(HttpMethod.Post, "/api/employees", new { email, role = "agent" });
        var link = await Eventually.ReturnsAsync(
            "the invitation e-mail", TimeSpan.FromSeconds(10), () => Task.FromResult(fixture.InvitationLink(email)), found => found is not null);
        var token = new Uri(link!).Query.Split("token=")[1];
        using var response = await fixture.Http.PostAsJsonAsync("/api/auth/accept-invitation", new { token, displayName, password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var root = JsonDocument.Parse(text).RootElement;
        return new Colleague(root.GetProperty("employee").GetProperty("id").GetString()!, email, password, root.GetProperty("accessToken").GetString()!);
    }

    private sealed record Colleague(string Id, string Email, string Password, string AccessToken);
}
