using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Channels created before secrets were protected (migration 0002) kept the app secret in plain text:
/// protect it and clear the plain column. A no-op once done.
/// </summary>
public sealed class PlaintextSecretsUpgrade(TenantDatabase database, ChannelSecretProtector protector)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plain = new List<(Guid Id, string AppSecret)>();
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using (var select = new NpgsqlCommand(
            "SELECT id, app_secret FROM whatsapp_channels WHERE app_secret IS NOT NULL AND protected_secrets IS NULL", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                plain.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        foreach (var (id, appSecret) in plain)
        {
            await using var update = new NpgsqlCommand(
                "UPDATE whatsapp_channels SET protected_secrets = @secrets, app_secret = NULL WHERE id = @id", connection);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("secrets", protector.Protect(new ChannelSecrets(AppSecret: appSecret)));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
