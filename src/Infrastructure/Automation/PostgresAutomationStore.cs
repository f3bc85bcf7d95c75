using Conversations.Grains.Automation;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Workspace;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Automation;

/// <inheritdoc cref="IAutomationStore"/>
public sealed class PostgresAutomationStore(TenantDatabase database) : IAutomationStore
{
    public async Task<AutomationSetup> LoadSetupAsync(Guid businessId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, name, trigger, conditions::text, actions::text FROM automation_rules
            WHERE business_id = @b AND enabled ORDER BY position, created_at, id;
            SELECT id, name, priority, first_response_minutes, resolution_minutes, warning_percent, business_hours_only FROM sla_policies
            WHERE business_id = @b AND enabled ORDER BY position, created_at, id;
            SELECT time_zone FROM businesses WHERE id = @b;
            SELECT weekday, opens, closes FROM opening_hours WHERE business_id = @b AND service_id IS NULL ORDER BY weekday, opens;
            SELECT day, opens, closes FROM availability_exceptions
            WHERE business_id = @b AND service_id IS NULL AND day >= current_date - 1 ORDER BY day, opens;
            SELECT id FROM employees WHERE business_id = @b AND status = 'active' AND role IN ('owner', 'admin') ORDER BY id;
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<AutomationRule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new AutomationRule(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), AutomationJson.Conditions(reader.GetString(3)), AutomationJson.Actions(reader.GetString(4))));
        }

        await reader.NextResultAsync(cancellationToken);
        var policies = new List<SlaPolicy>();
        while (await reader.ReadAsync(cancellationToken))
        {
            policies.Add(new SlaPolicy(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt32(5), reader.GetBoolean(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        var timeZone = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : "UTC";
        await reader.NextResultAsync(cancellationToken);
        var weekly = new List<BusinessHoursInterval>();
        while (await reader.ReadAsync(cancellationToken))
        {
            weekly.Add(new BusinessHoursInterval(reader.GetInt16(0), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var exceptions = new List<BusinessHoursException>();
        while (await reader.ReadAsync(cancellationToken))
        {
            exceptions.Add(new BusinessHoursException(
                reader.GetFieldValue<DateOnly>(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<TimeOnly>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeOnly>(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var supervisors = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            supervisors.Add(reader.GetGuid(0));
        }

        return new AutomationSetup(rules, policies, new BusinessHours(timeZone, weekly, exceptions), supervisors);
    }

    public async Task<IReadOnlyList<string>> CustomerTagsAsync(Guid businessId, string customerWaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT tags FROM customers WHERE business_id = @b AND wa_id = @wa", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("wa", customerWaId);
        return await command.ExecuteScalarAsync(cancellationToken) is string[] tags ? tags : [];
    }

    public async Task<string?> RenderCannedResponseAsync(
        Guid businessId, Guid cannedResponseId, string? customerName, Guid? employeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE canned_responses SET usage_count = usage_count + 1 WHERE business_id = @b AND id = @id
            RETURNING body, (SELECT name FROM businesses WHERE id = @b),
                      (SELECT display_name FROM employees WHERE business_id = @b AND id = @employee)
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", cannedResponseId);
        command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)employeeId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return ReplyVariables.Render(reader.GetString(0), new Dictionary<string, string?>
        {
            ["customer.name"] = customerName ?? "",
            ["business.name"] = reader.IsDBNull(1) ? "" : reader.GetString(1),
            ["agent.name"] = reader.IsDBNull(2) ? "" : reader.GetString(2),
        });
    }

    public async Task<bool> RecordExecutionAsync(AutomationExecution execution, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(execution.BusinessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO automation_executions
                (id, business_id, conversation_id, rule_id, macro_id, name, trigger, employee_id, idempotency_key, actions, webhook, at)
            VALUES (@id, @b, @c, @rule, @macro, @name, @trigger, @employee, @key, @actions::jsonb, @webhook, @at)
            ON CONFLICT (conversation_id, idempotency_key) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("id", execution.Id);
        command.Parameters.AddWithValue("b", execution.BusinessId);
        command.Parameters.AddWithValue("c", execution.ConversationId);
        command.Parameters.Add(new NpgsqlParameter("rule", NpgsqlDbType.Uuid) { Value = (object?)execution.RuleId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("macro", NpgsqlDbType.Uuid) { Value = (object?)execution.MacroId ?? DBNull.Value });
        command.Parameters.AddWithValue("name", execution.Name);
        command.Parameters.Add(new NpgsqlParameter("trigger", NpgsqlDbType.Text) { Value = (object?)execution.Trigger ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)execution.EmployeeId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)execution.IdempotencyKey ?? DBNull.Value });
        command.Parameters.AddWithValue("actions", AutomationJson.Write(execution.Actions));
        command.Parameters.AddWithValue("webhook", execution.Webhook);
        command.Parameters.AddWithValue("at", execution.At);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<AutomationExecution?> FindExecutionAsync(Guid businessId, Guid conversationId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, business_id, rule_id, macro_id, name, trigger, employee_id, actions::text, webhook, at
            FROM automation_executions WHERE business_id = @b AND conversation_id = @c AND idempotency_key = @key
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("key", idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AutomationExecution(
            reader.GetGuid(0), reader.GetGuid(1), conversationId, reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
            reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), idempotencyKey,
            AutomationJson.Outcomes(reader.GetString(7)), reader.GetBoolean(8), reader.GetFieldValue<DateTimeOffset>(9));
    }

    public async Task SetPriorityAsync(Guid businessId, Guid conversationId, string priority, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE conversations SET priority = @p WHERE business_id = @b AND id = @c", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("p", priority);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveSlaTargetAsync(SlaTargetRecord target, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(target.BusinessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO sla_targets (id, business_id, conversation_id, policy_id, metric, started_at, due_at, warned_at, breached_at, met_at)
            VALUES (@id, @b, @c, @policy, @metric, @started, @due, @warned, @breached, @met)
            ON CONFLICT (id) DO UPDATE SET warned_at = coalesce(sla_targets.warned_at, excluded.warned_at),
                                           breached_at = coalesce(sla_targets.breached_at, excluded.breached_at),
                                           met_at = coalesce(sla_targets.met_at, excluded.met_at)
            """, connection);
        command.Parameters.AddWithValue("id", target.Id);
        command.Parameters.AddWithValue("b", target.BusinessId);
        command.Parameters.AddWithValue("c", target.ConversationId);
        command.Parameters.AddWithValue("policy", target.PolicyId);
        command.Parameters.AddWithValue("metric", target.Metric);
        command.Parameters.AddWithValue("started", target.StartedAt);
        command.Parameters.AddWithValue("due", target.DueAt);
        command.Parameters.Add(new NpgsqlParameter("warned", NpgsqlDbType.TimestampTz) { Value = (object?)target.WarnedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("breached", NpgsqlDbType.TimestampTz) { Value = (object?)target.BreachedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("met", NpgsqlDbType.TimestampTz) { Value = (object?)target.MetAt ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
