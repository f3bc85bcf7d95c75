using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Voice;

/// <summary>
/// Whether a business transcribes voice notes, and with which endpoint: its own, or its assistant's. Keys are
/// encrypted with Data Protection, as the assistant's are.
/// </summary>
public sealed class VoiceSettingsStore(TenantDatabase database, IDataProtectionProvider protection, AssistantSettingsStore assistant, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("Conversations.Voice.ApiKey.v1");

    public async Task<VoiceSettingsView> GetAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(businessId, cancellationToken);
        var endpoint = await EndpointAsync(businessId, stored, cancellationToken);
        return new VoiceSettingsView(
            stored?.Enabled ?? false, stored?.Model, stored?.BaseUrl, stored?.ProtectedKey is not null, endpoint is not null,
            stored?.UpdatedAt);
    }

    /// <summary>What transcription needs: on or off, the model, and the endpoint (null when none is configured).</summary>
    public async Task<VoiceEndpoint?> ReadForUseAsync(Guid businessId, CancellationToken cancellationToken) =>
        await EndpointAsync(businessId, await ReadAsync(businessId, cancellationToken), cancellationToken);

    public async Task<bool> IsEnabledAsync(Guid businessId, CancellationToken cancellationToken) =>
        (await ReadAsync(businessId, cancellationToken))?.Enabled ?? false;

    /// <summary><paramref name="apiKey"/>: null keeps the stored key, empty removes it.</summary>
    public async Task<VoiceSettingsView> SaveAsync(
        Guid businessId, bool enabled, string? model, string? baseUrl, string? apiKey, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO voice_settings AS s (business_id, enabled, model, base_url, protected_api_key, updated_by, updated_at)
            VALUES (@b, @enabled, @model, @url, CASE WHEN @keep THEN NULL ELSE @key END, @by, @at)
            ON CONFLICT (business_id) DO UPDATE SET
                enabled = excluded.enabled, model = excluded.model, base_url = excluded.base_url,
                protected_api_key = CASE WHEN @keep THEN s.protected_api_key ELSE excluded.protected_api_key END,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("enabled", enabled);
        command.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)model ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)baseUrl ?? DBNull.Value });
        command.Parameters.AddWithValue("keep", apiKey is null);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(apiKey) ? DBNull.Value : protector.Protect(apiKey) });
        command.Parameters.AddWithValue("by", employeeId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return await GetAsync(businessId, cancellationToken);
    }

    private async Task<VoiceEndpoint?> EndpointAsync(Guid businessId, StoredVoiceSettings? stored, CancellationToken cancellationToken)
    {
        if (stored?.BaseUrl is { } own)
        {
            return new VoiceEndpoint(own, stored.ProtectedKey is null ? null : protector.Unprotect(stored.ProtectedKey), stored.Model);
        }

        var shared = await assistant.ReadForUseAsync(businessId, cancellationToken);
        return shared.Provider == Grains.Assistant.AssistantSettings.OpenAi
            ? new VoiceEndpoint(shared.BaseUrl, stored?.ProtectedKey is null ? shared.ApiKey : protector.Unprotect(stored.ProtectedKey), stored?.Model)
            : null;
    }

    private async Task<StoredVoiceSettings?> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT enabled, model, base_url, protected_api_key, updated_at FROM voice_settings WHERE business_id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredVoiceSettings(
                reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    private sealed record StoredVoiceSettings(bool Enabled, string? Model, string? BaseUrl, string? ProtectedKey, DateTimeOffset UpdatedAt);
}
