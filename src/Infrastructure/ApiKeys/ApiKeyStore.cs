using System.Security.Cryptography;
using System.Text;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.ApiKeys;

/// <summary>API keys: made (the key shown once), listed, revoked, and looked up by their SHA-256 on every request.</summary>
public sealed class ApiKeyStore(TenantDatabase database, TimeProvider time)
{
    public const string KeyPrefix = "ck_";
    public const int MaxActiveKeysPerBusiness = 50;

    // last_used_at is for people reading the list: written at most once a minute per key, not on every request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string Columns = "id, name, prefix, scopes, created_by, created_at, last_used_at, revoked_at";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async Task<long> CountActiveAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM api_keys WHERE business_id = @b AND revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("b", businessId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<ApiKeyView> CreateAsync(Guid businessId, Guid employeeId, string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO api_keys (id, business_id, name, prefix, key_hash, scopes, created_by, created_at)
            VALUES (@id, @b, @name, @prefix, @hash, @scopes, @employee, @now)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("prefix", key[..(KeyPrefix.Length + 8)]);
        command.Parameters.AddWithValue("hash", Hash(key));
        command.Parameters.AddWithValue("scopes", scopes.ToArray());
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader, key);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys WHERE business_id = @b ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("b", businessId);
        var keys = new List<ApiKeyView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader, null));
        }

        return keys;
    }

    /// <summary>Revokes the key; true when it is the business's (revoking twice is fine).</summary>
    public async Task<bool> RevokeAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>The holder of a live key: not revoked, its maker still active, its business not suspended; else null.</summary>
    public async Task<ApiKeyHolder?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT k.id, k.business_id, k.created_by, k.scopes, k.last_used_at
            FROM api_keys k
            JOIN employees e ON e.id = k.created_by AND e.status = 'active'
            JOIN businesses b ON b.id = k.business_id AND b.suspended_at IS NULL
            WHERE k.key_hash = @hash AND k.revoked_at IS NULL
            """, connection);
        command.Parameters.AddWithValue("hash", Hash(key));
        ApiKeyHolder holder;
        DateTimeOffset? lastUsed;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            holder = new ApiKeyHolder(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<string[]>(3));
            lastUsed = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4);
        }

        var now = time.GetUtcNow();
        if (lastUsed is null || now - lastUsed > LastUsedResolution)
        {
            await using var touch = new NpgsqlCommand("UPDATE api_keys SET last_used_at = @now WHERE id = @id", connection);
            touch.Parameters.AddWithValue("id", holder.KeyId);
            touch.Parameters.AddWithValue("now", now);
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        return holder;
    }

    private static ApiKeyView Read(NpgsqlDataReader reader, string? key) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3),
        reader.GetGuid(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        key);
}
