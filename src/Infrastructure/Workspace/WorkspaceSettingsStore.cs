using System.Text.Json;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

public sealed class WorkspaceSettingsStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WorkspaceSettings> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT settings->'workspace' FROM businesses WHERE id = @id");
        command.Parameters.AddWithValue("id", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<WorkspaceSettings>(json, Json) ?? new WorkspaceSettings()
            : new WorkspaceSettings();
    }

    public async Task SaveAsync(Guid businessId, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE businesses SET settings = jsonb_set(settings, '{workspace}', @value::jsonb) WHERE id = @id");
        command.Parameters.AddWithValue("id", businessId);
        command.Parameters.AddWithValue("value", JsonSerializer.Serialize(settings, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
