using System.Security.Cryptography;
using Npgsql;

namespace Conversations.Infrastructure.Database;

/// <summary>
/// Secrets the platform generates once and every node shares, such as the token signing key. The first
/// node to ask creates the secret; every later ask, on any node, reads the same bytes.
/// </summary>
public sealed class PlatformSecrets(NpgsqlDataSource dataSource)
{
    public Task<byte[]> GetOrCreateAsync(string name, int length, CancellationToken cancellationToken) =>
        GetOrCreateAsync(name, () => RandomNumberGenerator.GetBytes(length), cancellationToken);

    /// <summary>The secret named <paramref name="name"/>; <paramref name="create"/> makes it when none exists yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH created AS (
                INSERT INTO platform_secrets (name, value) VALUES (@name, @value)
                ON CONFLICT (name) DO NOTHING
                RETURNING value)
            SELECT value FROM created
            UNION ALL
            SELECT value FROM platform_secrets WHERE name = @name
            LIMIT 1
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("value", create());
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
