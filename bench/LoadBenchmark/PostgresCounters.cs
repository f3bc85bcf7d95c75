using Npgsql;

namespace Conversations.LoadBenchmark;

/// <summary>
/// The product database's cumulative counters: transactions committed, rows written, and (when the server
/// preloads pg_stat_statements) statements executed. Deltas over a phase give the cost per message.
/// </summary>
public sealed record PostgresCounters(long Commits, long RowsInserted, long RowsUpdated, long? Statements)
{
    public static async Task<PostgresCounters> ReadAsync(NpgsqlDataSource database)
    {
        // Backends publish their counters when idle, at most once a second (PostgreSQL 15 shared-memory stats).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = await database.OpenConnectionAsync();
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        long commits, inserted, updated;
        await using (var command = new NpgsqlCommand(
            "SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (commits, inserted, updated) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        long? statements = null;
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())",
                connection);
            statements = (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            // Not preloaded (shared_preload_libraries) or not created: commits are the round-trip floor then.
        }

        return new PostgresCounters(commits, inserted, updated, statements);
    }

    public static async Task EnableStatementsAsync(NpgsqlDataSource database)
    {
        try
        {
            await using var command = database.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
        }
    }

    public PostgresCounters Minus(PostgresCounters before) => new(
        Commits - before.Commits,
        RowsInserted - before.RowsInserted,
        RowsUpdated - before.RowsUpdated,
        Statements - before.Statements);
}
