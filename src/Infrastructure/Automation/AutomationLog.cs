using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Automation;

/// <summary>Reads <c>automation_executions</c>: what fired or ran on which conversation, newest first.</summary>
public sealed class AutomationLog(TenantDatabase database)
{
    public async Task<IReadOnlyList<AutomationExecutionView>> ListAsync(
        Guid businessId, Guid? conversationId, Guid? ruleId, Guid? macroId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, conversation_id, rule_id, macro_id, name, trigger, employee_id, actions::text, at
            FROM automation_executions
            WHERE business_id = @b
              AND (@conversation IS NULL OR conversation_id = @conversation)
              AND (@rule IS NULL OR rule_id = @rule)
              AND (@macro IS NULL OR macro_id = @macro)
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("conversation", NpgsqlDbType.Uuid) { Value = (object?)conversationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("rule", NpgsqlDbType.Uuid) { Value = (object?)ruleId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("macro", NpgsqlDbType.Uuid) { Value = (object?)macroId ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        var executions = new List<AutomationExecutionView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            executions.Add(new AutomationExecutionView(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6),
                AutomationJson.Outcomes(reader.GetString(7)), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return executions;
    }
}
