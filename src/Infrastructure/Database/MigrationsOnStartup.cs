using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Roles;
using Microsoft.Extensions.Hosting;

namespace Conversations.Infrastructure.Database;

/// <summary>
/// Migrates in the hosts' "starting" phase, which runs before any hosted service starts, so the Orleans
/// providers find their tables whatever order services were registered in.
/// </summary>
public sealed class MigrationsOnStartup(DatabaseMigrator migrator, PlaintextSecretsUpgrade secrets, SystemRolesSync systemRoles) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);

        // Data upgrades that need application code (encryption) run right after the schema's.
        await secrets.RunAsync(cancellationToken);
        await systemRoles.RunAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
