using Npgsql;

namespace Conversations.Infrastructure.Database;

/// <summary>A batch whose first command scopes its connection to a business (<see cref="TenantDatabase.CreateBatchAsync"/>); owns the connection.</summary>
public sealed class ScopedBatch(NpgsqlConnection connection, NpgsqlBatch batch) : IAsyncDisposable
{
    public NpgsqlBatchCommandCollection Commands => batch.BatchCommands;

    /// <summary>Runs the batch; the reader stands on the first result after the scope's.</summary>
    public async Task<NpgsqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken)
    {
        var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return reader;
    }

    public async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => await batch.ExecuteNonQueryAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await batch.DisposeAsync();
        await connection.DisposeAsync();
    }
}
