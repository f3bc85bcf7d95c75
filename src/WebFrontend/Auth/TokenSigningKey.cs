using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Auth;

/// <summary>
/// The key access tokens are signed and checked with: the configured one, or the platform's own shared
/// key from PostgreSQL, loaded once at start (after migrations) so no request waits for it.
/// </summary>
public sealed class TokenSigningKey(IOptions<AuthOptions> options, PlatformSecrets secrets) : IHostedService
{
    private SymmetricSecurityKey? key;

    public SymmetricSecurityKey Key => key ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrEmpty(configured)
            ? await secrets.GetOrCreateAsync("access-token-signing-key", 64, cancellationToken)
            : Convert.FromBase64String(configured);
        key = new SymmetricSecurityKey(bytes) { KeyId = "platform" };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
