using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.WebFrontend.Integrations;

/// <summary>A fixed window per API key, in this frontend's memory (each frontend counts its own share).</summary>
public sealed class ApiKeyRateLimiter(IOptions<ApiKeyOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string keyId) => limiter.AttemptAcquire(keyId);

    public void Dispose() => limiter.Dispose();
}
