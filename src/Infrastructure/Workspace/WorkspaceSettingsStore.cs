using System.Text.Json;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

public sealed class WorkspaceSettingsStore(TenantDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WorkspaceSettings> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT settings->'workspace' FROM businesses WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<WorkspaceSettings>(json, Json) ?? new WorkspaceSettings()
            : new WorkspaceSettings();
    }

    public async Task SaveAsync(Guid businessId, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE businesses SET settings = jsonb_set(settings, '{workspace}', @value::jsonb) WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", businessId);
        command.Parameters.AddWithValue("value", JsonSerializer.Serialize(settings, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
