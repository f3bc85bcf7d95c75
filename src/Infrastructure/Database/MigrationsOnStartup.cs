using Microsoft.Extensions.Hosting;

namespace Conversations.Infrastructure.Database;

/// <summary>
/// Migrates in the hosts' "starting" phase, which runs before any hosted service starts, so the Orleans
/// providers find their tables whatever order services were registered in.
/// </summary>
public sealed class MigrationsOnStartup(DatabaseMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
