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
        var stored = await ReadAsync(businessId, cancellationToken);
        return stored is null
            ? new AssistantSettingsView(true, AssistantSettings.Offline, null, null, false, null, null)
            : new AssistantSettingsView(stored.Enabled, stored.Provider, stored.BaseUrl, stored.Model, stored.ProtectedKey is not null, stored.Instructions, stored.UpdatedAt);
    }

    /// <summary>The settings with the key decrypted, for the assistant's calls.</summary>
    public async Task<AssistantSettings> ReadForUseAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(businessId, cancellationToken);
        return stored is null
            ? AssistantSettings.Default
            : new AssistantSettings(
                stored.Enabled, stored.Provider, stored.BaseUrl, stored.Model,
                stored.ProtectedKey is null ? null : protector.Unprotect(stored.ProtectedKey), stored.Instructions);
    }

    /// <summary>Saves a complete change. <paramref name="apiKey"/>: null keeps the stored key, empty removes it.</summary>
    public async Task<AssistantSettingsView> SaveAsync(
        Guid businessId, bool enabled, string provider, string? baseUrl, string? model, string? apiKey, string? instructions, Guid employeeId,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO assistant_settings AS s (business_id, enabled, provider, base_url, model, protected_api_key, instructions, updated_by, updated_at)
            VALUES (@b, @enabled, @provider, @url, @model, CASE WHEN @keep THEN NULL ELSE @key END, @instructions, @by, @at)
            ON CONFLICT (business_id) DO UPDATE SET
                enabled = excluded.enabled, provider = excluded.provider, base_url = excluded.base_url, model = excluded.model,
                protected_api_key = CASE WHEN @keep THEN s.protected_api_key ELSE excluded.protected_api_key END,
                instructions = excluded.instructions, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("enabled", enabled);
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)baseUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)model ?? DBNull.Value });
        command.Parameters.AddWithValue("keep", apiKey is null);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(apiKey) ? DBNull.Value : protector.Protect(apiKey) });
        command.Parameters.Add(new NpgsqlParameter("instructions", NpgsqlDbType.Text) { Value = (object?)instructions ?? DBNull.Value });
        command.Parameters.AddWithValue("by", employeeId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return await GetAsync(businessId, cancellationToken);
    }

    private async Task<StoredSettings?> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT enabled, provider, base_url, model, protected_api_key, instructions, updated_at FROM assistant_settings WHERE business_id = @b");
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredSettings(
                reader.GetBoolean(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6))
            : null;
    }

    private sealed record StoredSettings(bool Enabled, string Provider, string? BaseUrl, string? Model, string? ProtectedKey, string? Instructions, DateTimeOffset UpdatedAt);
}
