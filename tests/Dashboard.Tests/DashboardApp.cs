using System.Globalization;
using System.Net;
using Conversations.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversations.Dashboard.Tests;

/// <summary>
/// The real product (WebFrontend co-hosting a silo) on a real socket, http://127.0.0.1:{port}, so that a
/// browser can reach it: the dashboard's static files, the API and the SignalR hub over WebSockets.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly int port = FreePorts.Next();

    public DashboardApp(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        this.connectionString = connectionString;
        this.settings = settings;
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string BaseUrl { get; }

    /// <summary>Where the app writes the e-mails it sends (no SMTP server in tests).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"conversations-dashboard-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Conversations:Cluster:ClusterId", $"dashboard-{Guid.NewGuid():N}");
        builder.UseSetting("Conversations:Cluster:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Conversations:Cluster:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Conversations:Demo:Enabled", "false");
        builder.UseSetting("Conversations:Assistant:Enabled", "false");
        builder.UseSetting("Conversations:Mail:PickupFolder", MailFolder);
        builder.UseSetting("Conversations:Accounts:PublicBaseUrl", BaseUrl);
        // Every browser in these tests comes from 127.0.0.1: the per-IP limits are not under test here.
        builder.UseSetting("Conversations:RateLimits:SignUpPermitLimit", "1000");
        builder.UseSetting("Conversations:RateLimits:CredentialsPermitLimit", "1000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
