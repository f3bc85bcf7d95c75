using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Automation;

/// <summary>The <c>macros</c> table, for the macros API. Names are unique per business, whatever their case.</summary>
public sealed class Macros(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, name, actions::text, created_at, updated_at";

    public async Task<IReadOnlyList<MacroView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM macros WHERE business_id = @b ORDER BY lower(name), id", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<MacroView?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM macros WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <returns>The macro, or <c>null</c> when the business has one of that name.</returns>
    public async Task<MacroView?> CreateAsync(Guid businessId, Guid authorId, string name, IReadOnlyList<Grains.Interfaces.Models.AutomationAction> actions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO macros (id, business_id, name, actions, created_by, created_at, updated_at)
            VALUES (@id, @b, @name, @actions::jsonb, @author, @at, @at)
            ON CONFLICT (business_id, lower(name)) DO NOTHING
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("actions", AutomationJson.Write(actions));
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <returns>The macro; <c>null</c> when missing. Throws <see cref="PostgresException"/> 23505 on a taken name.</returns>
    public async Task<MacroView?> UpdateAsync(
        Guid businessId, Guid id, string? name, IReadOnlyList<Grains.Interfaces.Models.AutomationAction>? actions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE macros SET name = coalesce(@name, name), actions = coalesce(@actions::jsonb, actions), updated_at = @at
            WHERE business_id = @b AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = (object?)name ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("actions", NpgsqlDbType.Text) { Value = actions is null ? DBNull.Value : AutomationJson.Write(actions) });
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM macros WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<IReadOnlyList<MacroView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var macros = new List<MacroView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            macros.Add(new MacroView(
                reader.GetGuid(0), reader.GetString(1), AutomationJson.Actions(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return macros;
    }
}
