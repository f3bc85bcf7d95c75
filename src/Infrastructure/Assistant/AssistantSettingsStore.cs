using Conversations.Grains.Assistant;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Assistant;

/// <summary>
/// Each business's choice of assistant. The model endpoint's API key is encrypted with Data Protection (the
/// key ring shared by every node through PostgreSQL) and decrypted only to make a call.
/// </summary>
public sealed class AssistantSettingsStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("Conversations.Assistant.ApiKey.v1");

    /// <summary>The settings as the API shows them: whether a key is set, never the key.</summary>
    public async Task<AssistantSettingsView> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, businessId, cancellationToken);
    }

    /// <summary>The settings with the key decrypted, for the assistant's calls.</summary>
    public async Task<AssistantSettings> ReadForUseAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return ForUse(await ReadAsync(connection, null, businessId, cancellationToken));
    }

    /// <summary>The query that <see cref="ReadForUse"/> reads a row of, for a caller that batches it with others.</summary>
    internal static NpgsqlBatchCommand SelectForUse(Guid businessId)
    {
        var command = new NpgsqlBatchCommand($"SELECT {Columns} FROM assistant_settings WHERE business_id = @b");
        command.Parameters.AddWithValue("b", businessId);
        return command;
    }

    /// <summary>The settings with the key decrypted from the current result of <see cref="SelectForUse"/>, or the defaults when it has no row.</summary>
    internal async Task<AssistantSettings> ReadForUse(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        ForUse(await reader.ReadAsync(cancellationToken) ? Stored(reader) : null);

    private AssistantSettings ForUse(StoredSettings? stored) =>
        stored is null
            ? AssistantSettings.Default
            : new AssistantSettings(
                stored.Enabled, stored.Provider, stored.BaseUrl, stored.Model,
                stored.ProtectedKey is null ? null : protector.Unprotect(stored.ProtectedKey), stored.Instructions,
                stored.Tone, stored.MaxMisunderstandings, stored.HandoffKeywords);

    /// <summary>Saves a complete change of the model settings, keeping the rules. <paramref name="apiKey"/>: null keeps the stored key, empty removes it.</summary>
    public async Task<AssistantSettingsView> SaveAsync(
        Guid businessId, bool enabled, string provider, string? baseUrl, string? model, string? apiKey, string? instructions, Guid employeeId,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await WriteAsync(
            connection, null, businessId, new AssistantSettingsChange(enabled, provider, baseUrl, model, apiKey, instructions, Rules: null), employeeId,
            cancellationToken);
        return await GetAsync(connection, null, businessId, cancellationToken);
    }

    /// <summary>The settings as the API shows them, read on a connection (in its transaction) of the caller's.</summary>
    internal async Task<AssistantSettingsView> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid businessId, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(connection, transaction, businessId, cancellationToken);
        return stored is null
            ? new AssistantSettingsView(true, AssistantSettings.Offline, null, null, false, null, null, AssistantTones.Friendly, null, [])
            : new AssistantSettingsView(
                stored.Enabled, stored.Provider, stored.BaseUrl, stored.Model, stored.ProtectedKey is not null, stored.Instructions, stored.UpdatedAt,
                stored.Tone, stored.MaxMisunderstandings, stored.HandoffKeywords);
    }

    /// <summary>Writes a complete change on a connection (in its transaction) of the caller's.</summary>
    internal async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid businessId, AssistantSettingsChange change, Guid employeeId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO assistant_settings AS s (business_id, enabled, provider, base_url, model, protected_api_key, instructions,
                                                 tone, max_misunderstandings, handoff_keywords, updated_by, updated_at)
            VALUES (@b, @enabled, @provider, @url, @model, CASE WHEN @keepKey THEN NULL ELSE @key END, @instructions,
                    coalesce(@tone, 'friendly'), @maxMisunderstandings, coalesce(@keywords, '{}'), @by, @at)
            ON CONFLICT (business_id) DO UPDATE SET
                enabled = excluded.enabled, provider = excluded.provider, base_url = excluded.base_url, model = excluded.model,
                protected_api_key = CASE WHEN @keepKey THEN s.protected_api_key ELSE excluded.protected_api_key END,
                instructions = excluded.instructions,
                tone = CASE WHEN @keepRules THEN s.tone ELSE excluded.tone END,
                max_misunderstandings = CASE WHEN @keepRules THEN s.max_misunderstandings ELSE excluded.max_misunderstandings END,
                handoff_keywords = CASE WHEN @keepRules THEN s.handoff_keywords ELSE excluded.handoff_keywords END,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("enabled", change.Enabled);
        command.Parameters.AddWithValue("provider", change.Provider);
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)change.BaseUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)change.Model ?? DBNull.Value });
        command.Parameters.AddWithValue("keepKey", change.ApiKey is null);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(change.ApiKey) ? DBNull.Value : protector.Protect(change.ApiKey) });
        command.Parameters.Add(new NpgsqlParameter("instructions", NpgsqlDbType.Text) { Value = (object?)change.Instructions ?? DBNull.Value });
        command.Parameters.AddWithValue("keepRules", change.Rules is null);
        command.Parameters.Add(new NpgsqlParameter("tone", NpgsqlDbType.Text) { Value = (object?)change.Rules?.Tone ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("maxMisunderstandings", NpgsqlDbType.Integer) { Value = (object?)change.Rules?.MaxMisunderstandings ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("keywords", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)change.Rules?.HandoffKeywords.ToArray() ?? DBNull.Value });
        command.Parameters.AddWithValue("by", employeeId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Columns =
        "enabled, provider, base_url, model, protected_api_key, instructions, updated_at, tone, max_misunderstandings, handoff_keywords";

    private static async Task<StoredSettings?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM assistant_settings WHERE business_id = @b", connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Stored(reader) : null;
    }

    private static StoredSettings Stored(NpgsqlDataReader reader) =>
        new(
            reader.GetBoolean(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.GetFieldValue<string[]>(9));

    private sealed record StoredSettings(
        bool Enabled, string Provider, string? BaseUrl, string? Model, string? ProtectedKey, string? Instructions, DateTimeOffset UpdatedAt,
        string Tone, int? MaxMisunderstandings, IReadOnlyList<string> HandoffKeywords);
}
