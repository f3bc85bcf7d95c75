using Microsoft.Extensions.Options;
using Stripe;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// The platform's Stripe account: one <see cref="StripeClient"/> built from <see cref="StripeOptions"/>, with
/// its base URL (tests point it at a fake on 127.0.0.1). Built on first use, so a cluster without a key never
/// makes one.
/// </summary>
public sealed class StripeAccount : IDisposable
{
    private readonly StripeOptions options;
    private readonly Lazy<(StripeClient Client, HttpClient Http)> client;

    public StripeAccount(IOptions<StripeOptions> options)
    {
        this.options = options.Value;
        client = new Lazy<(StripeClient, HttpClient)>(Create);
    }

    public bool IsConfigured => options.IsConfigured;

    /// <exception cref="InvalidOperationException">No secret key is configured.</exception>
    public StripeClient Client => IsConfigured
        ? client.Value.Client
        : throw new InvalidOperationException($"Payments are not configured: set {StripeOptions.Section}:SecretKey.");

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Http.Dispose();
        }
    }

    private (StripeClient, HttpClient) Create()
    {
        // One long-lived HttpClient whose pooled connections are renewed, so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var stripe = new StripeClient(new StripeClientOptions
        {
            ApiKey = options.SecretKey,
            ApiBase = options.ApiBaseUrl.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http, options.MaxNetworkRetries, appInfo: null, enableTelemetry: false),
        });
        return (stripe, http);
    }
}
