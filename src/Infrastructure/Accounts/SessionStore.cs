using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// Sessions and their rotating refresh tokens. A session is one token family: every refresh spends the
/// presented token and issues the next; a spent token presented again means a copy exists, and the
/// whole family is revoked (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
/// </summary>
public sealed class SessionStore(TenantDatabase database, IOptions<AccountOptions> options)
{
    public async Task<StartedSession> StartAsync(EmployeeAccount employee, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionId = Guid.CreateVersion7(now);
        var expires = now + options.Value.RefreshTokenLifetime;
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO employee_sessions (id, business_id, employee_id, user_agent, ip_address, created_at, last_seen_at, expires_at)
            VALUES (@id, @business, @employee, @agent, @ip, @now, @now, @expires)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", sessionId);
            insert.Parameters.AddWithValue("business", employee.BusinessId);
            insert.Parameters.AddWithValue("employee", employee.Id);
            insert.Parameters.AddWithValue("agent", client.UserAgent);
            insert.Parameters.AddWithValue("ip", client.IpAddress);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("expires", expires);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var token = await InsertTokenAsync(connection, transaction, sessionId, employee, client, now, expires, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StartedSession(sessionId, token, expires);
    }

    public async Task<RefreshOutcome> RotateAsync(string? refreshToken, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!SecretTokens.IsWellFormed(refreshToken))
        {
            return new RefreshOutcome.Refused();
        }

        var hash = SecretTokens.Hash(refreshToken!);
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // FOR UPDATE serialises two refreshes with one token: the second waits, then sees it spent.
        Guid sessionId;
        bool spent, revoked, expired;
        EmployeeAccount employee;
        await using (var read = new NpgsqlCommand("""
            SELECT t.family_id, t.used_at IS NOT NULL, t.revoked_at IS NOT NULL OR s.revoked_at IS NOT NULL, t.expires_at <= @now,
                   e.id, e.business_id, e.email, e.display_name, e.role, e.password_hash, e.status, e.email_verified
            FROM refresh_tokens t
            JOIN employee_sessions s ON s.id = t.family_id
            JOIN employees e ON e.id = t.employee_id
            WHERE t.token_hash = @hash
            FOR UPDATE OF t, s
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("hash", hash);
            read.Parameters.AddWithValue("now", now);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new RefreshOutcome.Refused();
            }

            sessionId = reader.GetGuid(0);
            spent = reader.GetBoolean(1);
            revoked = reader.GetBoolean(2);
            expired = reader.GetBoolean(3);
            employee = new EmployeeAccount(
                reader.GetGuid(4), reader.GetGuid(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.GetString(9), reader.GetString(10) == EmployeeStatus.Active, reader.GetBoolean(11));
        }

        if (revoked)
        {
            return new RefreshOutcome.Refused();
        }

        if (spent)
        {
            await RevokeFamilyAsync(connection, transaction, sessionId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RefreshOutcome.Reused(employee.Id, sessionId);
        }

        if (expired || !employee.IsActive)
        {
            return new RefreshOutcome.Refused();
        }

        var expires = now + options.Value.RefreshTokenLifetime;
        await using (var spend = new NpgsqlCommand("""
            UPDATE refresh_tokens SET used_at = @now WHERE token_hash = @hash;
            UPDATE employee_sessions SET last_seen_at = @now, expires_at = @expires, user_agent = @agent, ip_address = @ip
            WHERE id = @session;
            """, connection, transaction))
        {
            spend.Parameters.AddWithValue("now", now);
            spend.Parameters.AddWithValue("hash", hash);
            spend.Parameters.AddWithValue("expires", expires);
            spend.Parameters.AddWithValue("agent", client.UserAgent);
            spend.Parameters.AddWithValue("ip", client.IpAddress);
            spend.Parameters.AddWithValue("session", sessionId);
            await spend.ExecuteNonQueryAsync(cancellationToken);
        }

        var next = await InsertTokenAsync(connection, transaction, sessionId, employee, client, now, expires, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RefreshOutcome.Rotated(employee, new StartedSession(sessionId, next, expires));
    }

    /// <summary>The employee's sessions that are neither revoked nor expired, newest first.</summary>
    public async Task<IReadOnlyList<ActiveSession>> ListActiveAsync(Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, user_agent, ip_address, created_at, last_seen_at, expires_at
            FROM employee_sessions
            WHERE employee_id = @employee AND revoked_at IS NULL AND expires_at > @now
            ORDER BY last_seen_at DESC, id
            """, connection);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<ActiveSession>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new ActiveSession(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return sessions;
    }

    internal static async Task RevokeFamilyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var revoke = new NpgsqlCommand("""
            UPDATE employee_sessions SET revoked_at = @now WHERE id = @session AND revoked_at IS NULL;
            UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @session AND revoked_at IS NULL;
            """, connection, transaction);
        revoke.Parameters.AddWithValue("now", now);
        revoke.Parameters.AddWithValue("session", sessionId);
        await revoke.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> InsertTokenAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid sessionId,
        EmployeeAccount employee,
        ClientInfo client,
        DateTimeOffset now,
        DateTimeOffset expires,
        CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO refresh_tokens (token_hash, family_id, business_id, employee_id, created_at, expires_at, user_agent, ip_address)
            VALUES (@hash, @family, @business, @employee, @now, @expires, @agent, @ip)
            """, connection, transaction);
        insert.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        insert.Parameters.AddWithValue("family", sessionId);
        insert.Parameters.AddWithValue("business", employee.BusinessId);
        insert.Parameters.AddWithValue("employee", employee.Id);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("expires", expires);
        insert.Parameters.AddWithValue("agent", client.UserAgent);
        insert.Parameters.AddWithValue("ip", client.IpAddress);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }
}
