using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Conversations.TestSupport;
using Conversations.WebFrontend.WhatsApp;
using Microsoft.Playwright;

namespace Conversations.Dashboard.Tests;

/// <summary>
/// One product, one fake WhatsApp Cloud API and one Chromium for the whole collection; each test makes its
/// own business and browser contexts, so tests never see each other's data or sessions.
/// </summary>
public class DashboardFixture : IAsyncLifetime
{
    /// <summary>
    /// The flags Debian's Chromium needs here: no sandbox (we may run as root), and no background calls to
    /// Google's services, which this machine's closed network refuses.
    /// </summary>
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;

    public TestDatabase Database { get; private set; } = null!;

    public FakeMetaGraphApi Meta { get; } = new();

    public DashboardApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), ".data", "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CONVERSATIONS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Run the tests with './conversations test', which installs Debian's chromium package, " +
                "or set CONVERSATIONS_CHROMIUM to a Chromium binary. Playwright's own browser download is not used.");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Database = await TestDatabase.CreateAsync();
        await Meta.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Conversations:Meta:GraphBaseUrl"] = Meta.BaseUrl,
            ["Conversations:Outbox:FirstRetryDelay"] = "00:00:00.200",
            ["Conversations:Outbox:MessagesPerSecond"] = "200",
        };
        foreach (var (key, value) in await MoreSettingsAsync())
        {
            settings[key] = value;
        }

        App = new DashboardApp(Database.ConnectionString, settings);
        App.StartServer();
        Http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>Configuration a derived fixture adds, e.g. to run the assistant.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>A browser context (its own cookies and storage: one agent's browser) on the product.</summary>
    /// <param name="bypassCsp">Lets a test inject its own script (the accessibility checker) past the page's policy.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>
    /// The WCAG 2 A/AA rules that axe-core (a dev dependency of the dashboard, so in node_modules after the
    /// build) finds broken on the page as it is now, serious and critical ones only: "rule: element" lines.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions
        {
            Path = Path.Combine(RepositoryRoot(), "src", "WebFrontend", "Dashboard", "node_modules", "axe-core", "axe.min.js"),
        });
        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} (${n.failureSummary})`));
            }
            """);
    }

    /// <summary>Signs a business up through the API and returns its owner's credentials.</summary>
    public async Task<Owner> SignUpAsync(string businessName)
    {
        var owner = new Owner($"owner-{Guid.NewGuid():N}@example.test", "correct horse battery staple", businessName);
        using var response = await Http.PostAsJsonAsync("/api/businesses", new
        {
            businessName, timeZone = "UTC", ownerName = "Olivia Owner", email = owner.Email, password = owner.Password,
        });
        response.EnsureSuccessStatusCode();
        return owner;
    }

    public async Task<string> AccessTokenAsync(Owner owner)
    {
        using var response = await Http.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    /// <summary>The API as this owner.</summary>
    public async Task<OwnerApi> ApiAsync(Owner owner) => new(Http, await AccessTokenAsync(owner));

    /// <summary>The newest invitation link e-mailed to <paramref name="address"/>, or null while none has arrived.</summary>
    public string? InvitationLink(string address)
    {
        if (!Directory.Exists(App.MailFolder))
        {
            return null;
        }

        return Directory.EnumerateFiles(App.MailFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => Regex.Match(m.TextBody ?? "", @"https?://\S+/accept-invitation\?token=[A-Za-z0-9_-]+"))
            .Where(match => match.Success)
            .Select(match => match.Value)
            .LastOrDefault();
    }

    /// <summary>Connects a Meta number with an access token (so replies go to the fake Cloud API) and an app secret.</summary>
    public async Task<MetaNumber> ConnectMetaNumberAsync(Owner owner)
    {
        var number = new MetaNumber(
            Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"app-secret-{Guid.NewGuid():N}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/settings/whatsapp")
        {
            Content = JsonContent.Create(new
            {
                provider = "meta", phoneNumberId = number.PhoneNumberId, accessToken = $"access-token-{Guid.NewGuid():N}",
                appSecret = number.AppSecret, verifyToken = $"verify-{Guid.NewGuid():N}", displayPhoneNumber = "+1 555 0100",
            }),
        };
        request.Headers.Authorization = new("Bearer", await AccessTokenAsync(owner));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return number;
    }

    /// <summary>A customer writes to the number: a webhook signed with the number's app secret, as Meta sends it.</summary>
    public async Task CustomerWritesAsync(MetaNumber number, string customerWaId, string customerName, string text, DateTimeOffset? at = null)
    {
        var body = MetaWebhooks.TextMessages(number.PhoneNumberId, new MetaWebhooks.TextMessage(
            customerWaId, $"wamid.{Guid.NewGuid():N}", text, customerName, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/whatsapp")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.HeaderName, MetaSignature.Sign(Encoding.UTF8.GetBytes(body), number.AppSecret));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A raw delivery of Meta <c>messages</c> (JSON array) to the number, signed.</summary>
    public async Task PostDeliveryAsync(MetaNumber number, string messagesJson, string contactsJson)
    {
        var body = MetaWebhooks.Delivery(number.PhoneNumberId, messagesJson, contactsJson: contactsJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/whatsapp")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.HeaderName, MetaSignature.Sign(Encoding.UTF8.GetBytes(body), number.AppSecret));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Http?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        await Meta.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conversations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Conversations.sln not found above the test binaries.");
    }

    private sealed record TokenBody(string AccessToken);
}

public sealed record Owner(string Email, string Password, string BusinessName);

public sealed record MetaNumber(string PhoneNumberId, string AppSecret);

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
