using System.Security.Cryptography;
using System.Text;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// Counts failed logins per e-mail address in PostgreSQL, so every frontend sees the same count, and
/// applies <see cref="LoginLockout"/>. Addresses are keyed by their SHA-256: unknown addresses are
/// counted and locked like real ones, so a lockout says nothing about whether an account exists.
/// </summary>
public sealed class LoginThrottle(TenantDatabase database, IOptions<AccountOptions> options)
{
    public static byte[] AccountKey(string email) => SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));

    public async Task<bool> IsLockedAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT locked_until FROM login_failures WHERE account_key = @key AND locked_until > @now", connection);
        command.Parameters.AddWithValue("key", AccountKey(email));
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Counts a failure; true when the account is now locked.</summary>
    public async Task<bool> RecordFailureAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = AccountKey(email);
        var settings = options.Value;
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock serialises concurrent failures for one address, so none is lost.
        await using (var ensure = new NpgsqlCommand("""
            INSERT INTO login_failures (account_key, failures, window_started_at) VALUES (@key, 0, @now)
            ON CONFLICT (account_key) DO NOTHING
            """, connection, transaction))
        {
            ensure.Parameters.AddWithValue("key", key);
            ensure.Parameters.AddWithValue("now", now);
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        LoginFailures current;
        await using (var read = new NpgsqlCommand(
            "SELECT failures, window_started_at, locked_until FROM login_failures WHERE account_key = @key FOR UPDATE",
            connection, transaction))
        {
            read.Parameters.AddWithValue("key", key);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            current = new LoginFailures(
                reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }

        var next = LoginLockout.AfterFailure(
            current.Failures == 0 ? null : current, now, settings.LockoutThreshold, settings.LockoutWindow, settings.LockoutDuration);
        await using (var write = new NpgsqlCommand("""
            UPDATE login_failures SET failures = @failures, window_started_at = @started, locked_until = @until
            WHERE account_key = @key
            """, connection, transaction))
        {
            write.Parameters.AddWithValue("failures", next.Failures);
            write.Parameters.AddWithValue("started", next.WindowStartedAt);
            write.Parameters.Add(new NpgsqlParameter("until", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = next.LockedUntil is { } until ? until : DBNull.Value });
            write.Parameters.AddWithValue("key", key);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return next.IsLocked(now);
    }

    /// <summary>Forgets the failures after a successful login.</summary>
    public async Task ResetAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM login_failures WHERE account_key = @key", connection);
        command.Parameters.AddWithValue("key", AccountKey(email));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
