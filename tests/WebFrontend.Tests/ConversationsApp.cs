using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Conversations.Infrastructure.Accounts;
using Conversations.TestSupport;
using Conversations.WebFrontend.WhatsApp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.WebFrontend.Tests;

/// <summary>
/// The real WebFrontend (co-hosting a silo on ADO.NET clustering, storage and reminders) on a test
/// database, with helpers that act as Meta, as an agent's browser and as the hub's client.
/// </summary>
public sealed class ConversationsApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly string clusterId;
    private readonly int siloPort = FreePorts.Next();
    private readonly int gatewayPort = FreePorts.Next();
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="settings">More configuration, e.g. the fake providers' addresses.</param>
    public ConversationsApp(string connectionString, string? clusterId = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.connectionString = connectionString;
        this.clusterId = clusterId ?? $"test-{Guid.NewGuid():N}";
        this.settings = settings ?? new Dictionary<string, string>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Conversations:Cluster:ClusterId", clusterId);
        builder.UseSetting("Conversations:Cluster:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Conversations:Cluster:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Conversations:Demo:Enabled", "false");

        // Most tests count the customers' messages and act as the only senders; the assistant's tests turn it on.
        builder.UseSetting("Conversations:Assistant:Enabled", "false");
        builder.UseSetting("Conversations:Media:Root", MediaFolder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Conversations:Mail:PickupFolder", MailFolder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>The Orleans cluster the app's silo belongs to; another app in client mode can join it.</summary>
    public string ClusterId => clusterId;

    /// <summary>The app's wall clock; tests that move it put it back.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Where the app writes the e-mails it sends (no SMTP server in tests).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"conversations-mail-{Guid.NewGuid():N}");

    public Mailbox Mailbox => new(MailFolder);

    /// <summary>Where the app keeps media files (<c>Conversations:Media:Root</c>), unless the settings name another.</summary>
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"conversations-media-{Guid.NewGuid():N}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var folder in new[] { MailFolder, MediaFolder }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A business with an owner who can log in and a Meta number with its own app secret.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name)
    {
        var tenant = new TestTenant(
            Guid.NewGuid(),
            $"owner-{Guid.NewGuid():N}@example.test",
            "correct horse battery staple",
            Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"secret-{Guid.NewGuid():N}",
            $"verify-{Guid.NewGuid():N}");
        await Service<BusinessProvisioning>().CreateAsync(
            new NewBusiness(
                tenant.BusinessId, name, "UTC",
                new NewEmployee(tenant.OwnerEmail, "Owner", tenant.OwnerPassword),
                [new NewService("Reading", "", 3000, "EUR", 30)],
                new NewMetaChannel(tenant.PhoneNumberId, "+1 555 000", tenant.AppSecret, tenant.VerifyToken)),
            CancellationToken.None);
        return tenant;
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(string body, string? appSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/whatsapp")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (appSecret is not null)
        {
            request.Headers.Add(MetaSigning.Header, MetaSigning.Sign(body, appSecret));
        }

        return await CreateClient().SendAsync(request);
    }

    /// <summary>The customer writes to the tenant's Meta number: a signed text-message webhook.</summary>
    public async Task CustomerWritesAsync(TestTenant tenant, string customer, string messageId, string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var response = await PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage(customer, messageId, body, null, timestamp)),
            tenant.AppSecret);
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> LoginAsync(TestTenant tenant)
    {
        using var response = await CreateClient().PostAsJsonAsync(
            "/api/auth/login", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginBody>();
        return login!.AccessToken;
    }

    public async Task<HttpClient> ClientOfAsync(TestTenant tenant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(tenant));
        return client;
    }

    /// <summary>
    /// A started hub connection over WebSockets, authenticated the way browsers do (query string), that already
    /// receives events.
    /// </summary>
    public async Task<HubConnection> ConnectHubAsync(string? accessToken)
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/conversations"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var uri = accessToken is null ? context.Uri : new Uri($"{context.Uri}?access_token={Uri.EscapeDataString(accessToken)}");
                    return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                };
            })
            .Build();

        // Returned once the hub says the connection receives events, as a real client would wait to catch up.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = connection.On("Ready", () => ready.TrySetResult());
        await connection.StartAsync();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(15));
        return connection;
    }

    private sealed record LoginBody(string AccessToken);
}
