using System.Security.Cryptography;
using System.Text;
using Conversations.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Conversations.Infrastructure.TwoFactor;

/// <summary>
/// Employees' TOTP secrets (encrypted with Data Protection), the last step used (so a code works once, on every
/// frontend: the check is one conditional UPDATE), recovery codes (SHA-256 only) and the business's requirement.
/// </summary>
public sealed class TwoFactorStore(TenantDatabase database, IDataProtectionProvider protection)
{
    private const int RecoveryCodeCount = 10;
    private const string RecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private readonly IDataProtector protector = protection.CreateProtector("Conversations.TwoFactor.Secret.v1");

    public async Task<TwoFactorStatus> StatusAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT e.totp_enabled_at IS NOT NULL, b.require_two_factor,
                   (SELECT count(*) FROM recovery_codes r WHERE r.employee_id = e.id AND r.used_at IS NULL)
              FROM employees e JOIN businesses b ON b.id = e.business_id
             WHERE e.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", employeeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TwoFactorStatus(reader.GetBoolean(0), reader.GetBoolean(1), (int)reader.GetInt64(2))
            : new TwoFactorStatus(false, false, 0);
    }

    /// <summary>A new pending secret, replacing any earlier pending one; null when two-factor is already on.</summary>
    public async Task<byte[]?> BeginSetupAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        var secret = Totp.NewSecret();
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE employees SET totp_secret = @secret, totp_last_step = NULL WHERE id = @id AND totp_enabled_at IS NULL", connection);
        command.Parameters.AddWithValue("id", employeeId);
        command.Parameters.AddWithValue("secret", protector.Protect(Convert.ToBase64String(secret)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? secret : null;
    }

    /// <summary>The employee's secret, pending or in use.</summary>
    public async Task<(byte[] Secret, bool Enabled)?> SecretAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT totp_secret, totp_enabled_at IS NOT NULL FROM employees WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", employeeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)
            ? (Convert.FromBase64String(protector.Unprotect(reader.GetString(0))), reader.GetBoolean(1))
            : null;
    }

    /// <summary>
    /// Spends a step: true only for the first use of a step newer than every step used before. With
    /// <paramref name="enable"/>, a pending secret becomes the employee's second factor.
    /// </summary>
    public async Task<bool> UseStepAsync(Guid employeeId, long step, bool enable, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE employees
               SET totp_last_step = @step,
                   totp_enabled_at = CASE WHEN @enable THEN coalesce(totp_enabled_at, @now) ELSE totp_enabled_at END
             WHERE id = @id AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < @step)
               AND (@enable OR totp_enabled_at IS NOT NULL)
            """, connection);
        command.Parameters.AddWithValue("id", employeeId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("enable", enable);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Replaces the employee's recovery codes with new ones, returned once.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM recovery_codes WHERE employee_id = @id", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", employeeId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO recovery_codes (employee_id, code_hash, created_at) SELECT @id, h, @now FROM unnest(@hashes) AS h", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", employeeId);
            insert.Parameters.AddWithValue("hashes", codes.Select(Hash).ToArray());
            insert.Parameters.AddWithValue("now", now.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>Spends a recovery code: true the first time only.</summary>
    public async Task<bool> UseRecoveryCodeAsync(Guid employeeId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE recovery_codes r SET used_at = @now
              FROM employees e
             WHERE r.employee_id = @id AND r.code_hash = @hash AND r.used_at IS NULL AND e.id = r.employee_id AND e.totp_enabled_at IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("id", employeeId);
        command.Parameters.AddWithValue("hash", Hash(code));
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task DisableAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE employees SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = @id")
        {
            Parameters = { new NpgsqlParameter("id", employeeId) },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM recovery_codes WHERE employee_id = @id")
        {
            Parameters = { new NpgsqlParameter("id", employeeId) },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsRequiredAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT require_two_factor FROM businesses WHERE id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task RequireAsync(Guid businessId, bool required, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE businesses SET require_two_factor = @required WHERE id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("required", required);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string NewRecoveryCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(RecoveryAlphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static byte[] Hash(string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)));
}
