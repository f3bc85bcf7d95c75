using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// Single-use, expiring tokens sent by e-mail. Issuing one spends the employee's earlier unused tokens of
/// the same purpose, so only the newest link works; consuming one is a single conditional UPDATE, so two
/// concurrent uses cannot both succeed.
/// </summary>
public static class AccountTokens
{
    public static async Task<string> IssueAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string purpose,
        Guid businessId,
        Guid employeeId,
        DateTimeOffset now,
        TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var spend = new NpgsqlBatchCommand(
            "UPDATE account_tokens SET used_at = @now WHERE employee_id = @employee AND purpose = @purpose AND used_at IS NULL");
        spend.Parameters.AddWithValue("now", now);
        spend.Parameters.AddWithValue("employee", employeeId);
        spend.Parameters.AddWithValue("purpose", purpose);
        batch.BatchCommands.Add(spend);

        var insert = new NpgsqlBatchCommand("""
            INSERT INTO account_tokens (token_hash, purpose, business_id, employee_id, created_at, expires_at)
            VALUES (@hash, @purpose, @business, @employee, @now, @expires)
            """);
        insert.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        insert.Parameters.AddWithValue("purpose", purpose);
        insert.Parameters.AddWithValue("business", businessId);
        insert.Parameters.AddWithValue("employee", employeeId);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("expires", now + lifetime);
        batch.BatchCommands.Add(insert);

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    /// <summary>Marks the token used and returns its employee, or <c>null</c> when it is unknown, used or expired.</summary>
    public static async Task<Guid?> ConsumeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string purpose,
        string? token,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return null;
        }

        await using var command = new NpgsqlCommand("""
            UPDATE account_tokens SET used_at = @now
            WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            RETURNING employee_id
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("hash", SecretTokens.Hash(token!));
        command.Parameters.AddWithValue("purpose", purpose);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid employeeId ? employeeId : null;
    }
}
