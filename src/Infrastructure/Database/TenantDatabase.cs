using Npgsql;

namespace Conversations.Infrastructure.Database;

/// <summary>
/// Connections as the application's database role (<c>conversations_app</c>, migration 0027), which row-level
/// security limits to the rows of one business: <see cref="OpenAsync"/> scopes a connection to a business, so
/// a query that forgets its <c>business_id</c> filter still cannot reach another tenant's rows;
/// <see cref="OpenSystemAsync"/> is the deliberate cross-tenant scope (routing a webhook by number, background
/// work over every business). A connection opened with neither sees no tenant rows at all.
/// </summary>
/// <remarks>
/// A pool of its own: its connections take the role in their start-up options, so a reset on their return to
/// the pool (Npgsql's <c>DISCARD ALL</c>) keeps the role, and every open sets both scope settings, so nothing
/// from the connection's previous use can carry over. The migrator and Orleans' providers use the owner's
/// <see cref="NpgsqlDataSource"/>, which policies do not restrict.
/// </remarks>
public sealed class TenantDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>The role the application's queries run as (created by migration 0027).</summary>
    public const string ApplicationRole = "conversations_app";

    private readonly NpgsqlDataSource dataSource;

    // The system scope's own pool: its connections start in the scope (a start-up option), and the reset on their
    // return to the pool puts them back to it, so opening one costs no round trip. The busiest paths (the message
    // batch, the outbox, the webhook log) use it.
    private readonly NpgsqlDataSource systemDataSource;

    public TenantDatabase(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var options = builder.Options;
        builder.Options = $"{options} -c role={ApplicationRole}".Trim();
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        builder.Options = $"{options} -c role={ApplicationRole} -c conversations.scope=system".Trim();
        systemDataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>A connection that sees and writes only <paramref name="businessId"/>'s rows.</summary>
    public Task<NpgsqlConnection> OpenAsync(Guid businessId, CancellationToken cancellationToken) =>
        OpenScopedAsync(businessId.ToString(), scope: "", cancellationToken);

    /// <summary>A connection for work that spans businesses on purpose; every use should say why in its caller.</summary>
    public async Task<NpgsqlConnection> OpenSystemAsync(CancellationToken cancellationToken) =>
        await systemDataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A batch on a connection scoped to <paramref name="businessId"/> by the batch's own first command, so the
    /// scope rides in the same round trip as the queries. Add the queries; read their results from
    /// <see cref="ScopedBatch.ExecuteReaderAsync"/>, which skips the scope's.
    /// </summary>
    public async Task<ScopedBatch> CreateBatchAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        var scope = new NpgsqlBatchCommand(
            "SELECT set_config('conversations.business_id', @business, false), set_config('conversations.scope', '', false)");
        scope.Parameters.AddWithValue("business", businessId.ToString());
        batch.BatchCommands.Add(scope);
        return new ScopedBatch(connection, batch);
    }

    /// <summary>A connection with no scope: it sees no tenant rows (for tests of the policies).</summary>
    public Task<NpgsqlConnection> OpenUnscopedAsync(CancellationToken cancellationToken) =>
        OpenScopedAsync(business: "", scope: "", cancellationToken);

    private async Task<NpgsqlConnection> OpenScopedAsync(string business, string scope, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT set_config('conversations.business_id', @business, false), set_config('conversations.scope', @scope, false)",
                connection);
            command.Parameters.AddWithValue("business", business);
            command.Parameters.AddWithValue("scope", scope);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await systemDataSource.DisposeAsync();
    }

    public void Dispose()
    {
        dataSource.Dispose();
        systemDataSource.Dispose();
    }
}
