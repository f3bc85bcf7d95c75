using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>
/// The businesses' prompt templates and their versions. Every change of name or body is a new version (kept
/// forever); at most one template per business and flow state is active, which the partial unique index
/// <c>ux_prompt_templates_active</c> guarantees whoever writes.
/// </summary>
public sealed class PromptTemplateStore(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, flow_state, name, body, version, is_active, created_at, updated_at, updated_by";

    private const string ActiveIndex = "ux_prompt_templates_active";

    // A state is seeded only when the business has never had a template for it, so a default that was deleted
    // or replaced stays so. Two callers at once both pass NOT EXISTS; the active index makes the second insert
    // wait for the first and then do nothing.
    private const string SeedDefaults = """
        WITH seeded AS (
            INSERT INTO prompt_templates (id, business_id, flow_state, name, body, version, is_active, created_at, updated_at)
            SELECT d.id, @business, d.flow_state, d.name, d.body, 1, true, @at, @at
            FROM unnest(@ids, @states, @names, @bodies) AS d (id, flow_state, name, body)
            WHERE NOT EXISTS (SELECT 1 FROM prompt_templates t WHERE t.business_id = @business AND t.flow_state = d.flow_state)
            ON CONFLICT DO NOTHING
            RETURNING id, name, body)
        INSERT INTO prompt_template_versions (template_id, version, business_id, name, body, changed_by, changed_at)
        SELECT id, 1, @business, name, body, NULL, @at FROM seeded
        """;

    /// <summary>
    /// Gives the business the built-in default of every flow state it has never had a template for, active.
    /// Idempotent, and safe when several callers race.
    /// </summary>
    public async Task EnsureDefaultsAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(SeedDefaults, connection);
        AddSeedParameters(command.Parameters, businessId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The same as <see cref="EnsureDefaultsAsync"/>, for a batch of the transaction that creates the business.</summary>
    public NpgsqlBatchCommand DefaultsCommand(Guid businessId)
    {
        var command = new NpgsqlBatchCommand(SeedDefaults);
        AddSeedParameters(command.Parameters, businessId);
        return command;
    }

    /// <summary>The business's templates (deleted ones left out), by flow state, the active one first.</summary>
    public async Task<IReadOnlyList<PromptTemplate>> ListAsync(Guid businessId, FlowState? state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM prompt_templates
            WHERE business_id = @business AND deleted_at IS NULL AND (@state IS NULL OR flow_state = @state)
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = state is { } s ? PromptFlowStates.Name(s) : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var templates = await ReadAsync(reader, cancellationToken);
        return templates.OrderBy(t => t.FlowState).ThenByDescending(t => t.IsActive).ThenByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).ToList();
    }

    public async Task<PromptTemplate?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM prompt_templates WHERE business_id = @business AND id = @id AND deleted_at IS NULL", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return (await ReadAsync(reader, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The template's versions, newest first; empty when there is no such template.</summary>
    public async Task<IReadOnlyList<PromptTemplateVersion>> VersionsAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT v.version, v.name, v.body, v.changed_by, v.changed_at
            FROM prompt_template_versions v JOIN prompt_templates t ON t.id = v.template_id
            WHERE v.business_id = @business AND t.business_id = @business AND t.id = @id AND t.deleted_at IS NULL
            ORDER BY v.version DESC
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        var versions = new List<PromptTemplateVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new PromptTemplateVersion(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return versions;
    }

    /// <summary>A new template at version 1; when <paramref name="isActive"/>, it replaces the state's active one.</summary>
    public Task<PromptTemplate> CreateAsync(
        Guid businessId, Guid employeeId, FlowState state, string name, string body, bool isActive, CancellationToken cancellationToken) =>
        RetryActivationAsync(async () =>
        {
            var at = time.GetUtcNow().ToUniversalTime();
            var id = Guid.CreateVersion7();
            await using var connection = await database.OpenAsync(businessId, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (isActive)
            {
                await DeactivateOthersAsync(connection, transaction, businessId, state, id, employeeId, at, cancellationToken);
            }

            PromptTemplate created;
            await using (var insert = new NpgsqlCommand($"""
                INSERT INTO prompt_templates (id, business_id, flow_state, name, body, version, is_active, created_at, updated_at, updated_by)
                VALUES (@id, @business, @state, @name, @body, 1, @active, @at, @at, @employee)
                RETURNING {Columns}
                """, connection, transaction))
            {
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("business", businessId);
                insert.Parameters.AddWithValue("state", PromptFlowStates.Name(state));
                insert.Parameters.AddWithValue("name", name);
                insert.Parameters.AddWithValue("body", body);
                insert.Parameters.AddWithValue("active", isActive);
                insert.Parameters.AddWithValue("at", at);
                insert.Parameters.AddWithValue("employee", employeeId);
                await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
                created = (await ReadAsync(reader, cancellationToken)).Single();
            }

            await AddVersionAsync(connection, transaction, businessId, created, employeeId, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        });

    /// <summary>
    /// Changes what is given (null leaves it). A new name or body is the next version; activating deactivates the
    /// state's other active template.
    /// </summary>
    /// <returns>The template as it now stands; <c>null</c> when there is no such template.</returns>
    public Task<PromptTemplate?> UpdateAsync(
        Guid businessId, Guid id, Guid employeeId, string? name, string? body, bool? isActive, CancellationToken cancellationToken) =>
        RetryActivationAsync(async () =>
        {
            var at = time.GetUtcNow().ToUniversalTime();
            await using var connection = await database.OpenAsync(businessId, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // The row lock orders concurrent changes of one template, so each gets its own version number.
            PromptTemplate? current;
            await using (var select = new NpgsqlCommand(
                $"SELECT {Columns} FROM prompt_templates WHERE business_id = @business AND id = @id AND deleted_at IS NULL FOR UPDATE",
                connection, transaction))
            {
                select.Parameters.AddWithValue("business", businessId);
                select.Parameters.AddWithValue("id", id);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                current = (await ReadAsync(reader, cancellationToken)).SingleOrDefault();
            }

            if (current is null)
            {
                return null;
            }

            var newName = name ?? current.Name;
            var newBody = body ?? current.Body;
            var edited = newName != current.Name || newBody != current.Body;
            var active = isActive ?? current.IsActive;
            if (!edited && active == current.IsActive)
            {
                return current;
            }

            if (active && !current.IsActive)
            {
                await DeactivateOthersAsync(connection, transaction, businessId, current.FlowState, id, employeeId, at, cancellationToken);
            }

            PromptTemplate updated;
            await using (var update = new NpgsqlCommand($"""
                UPDATE prompt_templates
                SET name = @name, body = @body, version = version + @step, is_active = @active, updated_at = @at, updated_by = @employee
                WHERE id = @id
                RETURNING {Columns}
                """, connection, transaction))
            {
                update.Parameters.AddWithValue("id", id);
                update.Parameters.AddWithValue("name", newName);
                update.Parameters.AddWithValue("body", newBody);
                update.Parameters.AddWithValue("step", edited ? 1 : 0);
                update.Parameters.AddWithValue("active", active);
                update.Parameters.AddWithValue("at", at);
                update.Parameters.AddWithValue("employee", employeeId);
                await using var reader = await update.ExecuteReaderAsync(cancellationToken);
                updated = (await ReadAsync(reader, cancellationToken)).Single();
            }

            if (edited)
            {
                await AddVersionAsync(connection, transaction, businessId, updated, employeeId, at, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return updated;
        });

    /// <summary>Makes an earlier version's name and body current again, as a new version (history only grows).</summary>
    /// <returns><c>null</c> when there is no such template or version.</returns>
    public async Task<PromptTemplate?> RestoreAsync(Guid businessId, Guid id, int version, Guid employeeId, CancellationToken cancellationToken)
    {
        var earlier = (await VersionsAsync(businessId, id, cancellationToken)).FirstOrDefault(v => v.Version == version);
        return earlier is null ? null : await UpdateAsync(businessId, id, employeeId, earlier.Name, earlier.Body, null, cancellationToken);
    }

    /// <summary>
    /// Takes the template out of every list and out of use; the row and its versions are kept. A state left
    /// without an active template renders the built-in default.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid businessId, Guid id, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE prompt_templates SET deleted_at = @at, is_active = false, updated_at = @at, updated_by = @employee
            WHERE business_id = @business AND id = @id AND deleted_at IS NULL
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The body of the business's active template for the state; <c>null</c> when it has none.</summary>
    public async Task<string?> ActiveBodyAsync(Guid businessId, FlowState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT body FROM prompt_templates WHERE business_id = @business AND flow_state = @state AND is_active", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("state", PromptFlowStates.Name(state));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private void AddSeedParameters(NpgsqlParameterCollection parameters, Guid businessId)
    {
        var states = PromptFlowStates.All;
        parameters.AddWithValue("business", businessId);
        parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        parameters.AddWithValue("ids", states.Select(_ => Guid.CreateVersion7()).ToArray());
        parameters.AddWithValue("states", states.Select(PromptFlowStates.Name).ToArray());
        parameters.AddWithValue("names", states.Select(DefaultPrompts.Name).ToArray());
        parameters.AddWithValue("bodies", states.Select(DefaultPrompts.Body).ToArray());
    }

    // Two activations in one state at once: the later insert into the active index waits for the earlier
    // transaction and then fails with a unique violation. Its transaction is rolled back; tried again, it sees
    // the winner as the active template and deactivates it.
    private static async Task<T> RetryActivationAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (PostgresException exception) when (
                exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ActiveIndex } && tries < 5)
            {
            }
        }
    }

    private static async Task DeactivateOthersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, FlowState state, Guid except, Guid employeeId,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE prompt_templates SET is_active = false, updated_at = @at, updated_by = @employee
            WHERE business_id = @business AND flow_state = @state AND is_active AND id <> @except
            """, connection, transaction);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("state", PromptFlowStates.Name(state));
        command.Parameters.AddWithValue("except", except);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AddVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, PromptTemplate template, Guid employeeId,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO prompt_template_versions (template_id, version, business_id, name, body, changed_by, changed_at)
            VALUES (@id, @version, @business, @name, @body, @employee, @at)
            """, connection, transaction);
        command.Parameters.AddWithValue("id", template.Id);
        command.Parameters.AddWithValue("version", template.Version);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("name", template.Name);
        command.Parameters.AddWithValue("body", template.Body);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<PromptTemplate>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var list = new List<PromptTemplate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PromptTemplate(
                reader.GetGuid(0),
                PromptFlowStates.TryParse(reader.GetString(1), out var state) ? state : throw new InvalidOperationException($"Unknown flow state '{reader.GetString(1)}'."),
                reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetBoolean(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetGuid(8)));
        }

        return list;
    }
}
