using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Automation;

/// <summary>The <c>sla_policies</c> table, for the SLA policies API.</summary>
public sealed class SlaPolicies(TenantDatabase database, TimeProvider time)
{
    private const string Columns =
        "id, name, priority, first_response_minutes, resolution_minutes, warning_percent, business_hours_only, position, enabled, created_at, updated_at";

    public async Task<IReadOnlyList<SlaPolicyView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM sla_policies WHERE business_id = @b ORDER BY position, created_at, id", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<SlaPolicyView?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM sla_policies WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Adds a policy after the business's last one.</summary>
    public async Task<SlaPolicyView> CreateAsync(Guid businessId, SlaPolicyDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO sla_policies (id, business_id, name, priority, first_response_minutes, resolution_minutes, warning_percent,
                                      business_hours_only, position, enabled, created_at, updated_at)
            VALUES (@id, @b, @name, @priority, @first, @resolution, @warning, @hours,
                    (SELECT coalesce(max(position), 0) + 1 FROM sla_policies WHERE business_id = @b), @enabled, @at, @at)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        Bind(command, businessId, draft);
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<SlaPolicyView?> UpdateAsync(Guid businessId, Guid id, SlaPolicyDraft draft, int? position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE sla_policies
            SET name = @name, priority = @priority, first_response_minutes = @first, resolution_minutes = @resolution,
                warning_percent = @warning, business_hours_only = @hours, enabled = @enabled,
                position = coalesce(@position, position), updated_at = @at
            WHERE business_id = @b AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter("position", NpgsqlDbType.Integer) { Value = (object?)position ?? DBNull.Value });
        Bind(command, businessId, draft);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM sla_policies WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private void Bind(NpgsqlCommand command, Guid businessId, SlaPolicyDraft draft)
    {
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", draft.Name);
        command.Parameters.Add(new NpgsqlParameter("priority", NpgsqlDbType.Text) { Value = (object?)draft.Priority ?? DBNull.Value });
        command.Parameters.AddWithValue("first", draft.FirstResponseMinutes);
        command.Parameters.Add(new NpgsqlParameter("resolution", NpgsqlDbType.Integer) { Value = (object?)draft.ResolutionMinutes ?? DBNull.Value });
        command.Parameters.AddWithValue("warning", draft.WarningPercent);
        command.Parameters.AddWithValue("hours", draft.BusinessHoursOnly);
        command.Parameters.AddWithValue("enabled", draft.Enabled);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
    }

    private static async Task<IReadOnlyList<SlaPolicyView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var policies = new List<SlaPolicyView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            policies.Add(new SlaPolicyView(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt32(5), reader.GetBoolean(6), reader.GetInt32(7),
                reader.GetBoolean(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return policies;
    }
}
