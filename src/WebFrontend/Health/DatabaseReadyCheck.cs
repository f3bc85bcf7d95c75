using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Conversations.WebFrontend.Health;

public sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.IsComplete)
        {
            return HealthCheckResult.Unhealthy("Migrations have not been applied yet.");
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", exception);
        }
    }
}
