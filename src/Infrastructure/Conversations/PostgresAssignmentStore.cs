using Conversations.Grains.Businesses;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Conversations;

public sealed class PostgresAssignmentStore(TenantDatabase database) : IAssignmentStore
{
    public async Task<IReadOnlyDictionary<Guid, int>> OpenLoadAsync(
        Guid businessId, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT assignee_id, count(*)::int FROM conversations
            WHERE business_id = @business AND assignee_id = ANY(@employees) AND mode = 'human' AND status IN ('open', 'pending')
            GROUP BY assignee_id
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employees", employeeIds.ToArray());
        var load = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            load[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return load;
    }

    public async Task<IReadOnlyList<Guid>> WaitingAsync(Guid businessId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id FROM conversations
            WHERE business_id = @business AND mode = 'human' AND assignee_id IS NULL AND status = 'open'
            ORDER BY last_message_at
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("limit", limit);
        var waiting = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            waiting.Add(reader.GetGuid(0));
        }

        return waiting;
    }
}
