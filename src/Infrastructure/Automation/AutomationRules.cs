using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Automation;

/// <summary>The <c>automation_rules</c> table, for the rules API.</summary>
public sealed class AutomationRules(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, name, trigger, conditions::text, actions::text, position, enabled, created_at, updated_at";

    public async Task<IReadOnlyList<AutomationRuleView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM automation_rules WHERE business_id = @b ORDER BY position, created_at, id", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<AutomationRuleView?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM automation_rules WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Adds a rule after the business's last one.</summary>
    public async Task<AutomationRuleView> CreateAsync(Guid businessId, Guid authorId, AutomationRuleDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO automation_rules (id, business_id, name, trigger, conditions, actions, position, enabled, created_by, created_at, updated_at)
            VALUES (@id, @b, @name, @trigger, @conditions::jsonb, @actions::jsonb,
                    (SELECT coalesce(max(position), 0) + 1 FROM automation_rules WHERE business_id = @b), @enabled, @author, @at, @at)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", draft.Name!);
        command.Parameters.AddWithValue("trigger", draft.Trigger!);
        command.Parameters.AddWithValue("conditions", AutomationJson.Write(draft.Conditions ?? []));
        command.Parameters.AddWithValue("actions", AutomationJson.Write(draft.Actions!));
        command.Parameters.AddWithValue("enabled", draft.Enabled ?? true);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<AutomationRuleView?> UpdateAsync(Guid businessId, Guid id, AutomationRuleDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE automation_rules
            SET name = coalesce(@name, name), trigger = coalesce(@trigger, trigger),
                conditions = coalesce(@conditions::jsonb, conditions), actions = coalesce(@actions::jsonb, actions),
                enabled = coalesce(@enabled, enabled), updated_at = @at
            WHERE business_id = @b AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = (object?)draft.Name ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("trigger", NpgsqlDbType.Text) { Value = (object?)draft.Trigger ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("conditions", NpgsqlDbType.Text)
        {
            Value = draft.Conditions is null ? DBNull.Value : AutomationJson.Write(draft.Conditions),
        });
        command.Parameters.Add(new NpgsqlParameter("actions", NpgsqlDbType.Text)
        {
            Value = draft.Actions is null ? DBNull.Value : AutomationJson.Write(draft.Actions),
        });
        command.Parameters.Add(new NpgsqlParameter("enabled", NpgsqlDbType.Boolean) { Value = (object?)draft.Enabled ?? DBNull.Value });
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM automation_rules WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Puts the business's rules in this order. <c>false</c>, changing nothing, unless the ids are exactly the
    /// business's rules, each once.
    /// </summary>
    public async Task<bool> ReorderAsync(Guid businessId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT id FROM automation_rules WHERE business_id = @b FOR UPDATE", connection, transaction))
        {
            command.Parameters.AddWithValue("b", businessId);
            var stored = new HashSet<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetGuid(0));
            }

            if (ids.Count != stored.Count || !stored.SetEquals(ids))
            {
                return false;
            }
        }

        await using (var command = new NpgsqlCommand("""
            UPDATE automation_rules r SET position = o.position, updated_at = @at
            FROM unnest(@ids) WITH ORDINALITY AS o(id, position)
            WHERE r.business_id = @b AND r.id = o.id
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.AddWithValue("at", time.GetUtcNow());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<IReadOnlyList<AutomationRuleView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rules = new List<AutomationRuleView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new AutomationRuleView(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), AutomationJson.Conditions(reader.GetString(3)),
                AutomationJson.Actions(reader.GetString(4)), reader.GetInt32(5), reader.GetBoolean(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rules;
    }
}
