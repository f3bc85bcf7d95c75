using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Platform;

/// <summary>Creates the configured platform administrator at start-up (once; an existing address is left as it is).</summary>
public sealed class PlatformAdminSeeder(PlatformAdmins admins, IOptions<PlatformOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value is { AdminEmail: { } email, AdminPassword: { } password })
        {
            await admins.EnsureAsync(email, "Platform administrator", password, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
