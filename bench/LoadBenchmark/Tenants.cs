using System.Globalization;
using System.Net.Http.Json;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.LoadBenchmark;

/// <summary>One provisioned business: its Meta number and app secret, its customers, an owner's access token.</summary>
public sealed record Tenant(Guid BusinessId, string PhoneNumberId, string AppSecret, string OwnerEmail, string[] Customers)
{
    public string AccessToken { get; set; } = "";
}

/// <summary>
/// Creates the benchmark's businesses directly in the database with the product's own
/// <see cref="BusinessProvisioning"/> (sign-up is rate limited per IP, as it should be), then logs each owner
/// in over HTTP like an agent's browser.
/// </summary>
public static class Tenants
{
    public const string Password = "bench-password-0123456789";

    public static async Task<IReadOnlyList<Tenant>> ProvisionAsync(BenchOptions options, string runId, Uri product)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Postgres", (string?)options.ConnectionString)]);
        builder.AddConversationsPlatform();
        await using var services = builder.Services.BuildServiceProvider();
        var provisioning = services.GetRequiredService<BusinessProvisioning>();

        var runNumber = int.Parse(runId[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 1_000_000;
        var tenants = new List<Tenant>();
        for (var b = 0; b < options.Businesses; b++)
        {
            var id = Guid.CreateVersion7();
            var phone = $"9{runNumber:D6}{b:D4}";
            var secret = $"bench-secret-{runId}-{b}";
            var email = $"owner-{runId}-{b}@bench.example";
            await provisioning.CreateAsync(
                new NewBusiness(id, $"Bench {runId} #{b}", "Europe/Madrid", new NewEmployee(email, $"Owner {b}", Password), [],
                    new NewMetaChannel(phone, "+1 555 000 0000", secret, $"verify-{runId}-{b}")),
                CancellationToken.None);
            var customers = Enumerable.Range(0, options.CustomersPerBusiness)
                .Select(c => $"3{runNumber:D6}{b:D3}{c:D5}")
                .ToArray();
            tenants.Add(new Tenant(id, phone, secret, email, customers));
        }

        using var http = new HttpClient { BaseAddress = product };
        foreach (var tenant in tenants)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = tenant.OwnerEmail, password = Password });
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<LoginAnswer>();
            tenant.AccessToken = token!.AccessToken;
        }

        return tenants;
    }

    private sealed record LoginAnswer(string AccessToken);
}
