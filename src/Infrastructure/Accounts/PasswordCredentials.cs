using Conversations.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Password changes and resets. Ending the other sessions is the caller's part (the employee grain).</summary>
public sealed class PasswordCredentials(
    TenantDatabase database,
    IPasswordHasher<EmployeeAccount> passwords,
    IOptions<AccountOptions> options)
{
    public async Task SetAsync(Guid employeeId, string password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE employees SET password_hash = @hash, updated_at = @now WHERE id = @id", connection);
        command.Parameters.AddWithValue("hash", Hash(employeeId, password));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("id", employeeId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A reset token for the active employee, spending any earlier one.</summary>
    public async Task<string> IssueResetTokenAsync(EmployeeAccount employee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        return await AccountTokens.IssueAsync(
            connection, null, AccountTokenPurpose.ResetPassword, employee.BusinessId, employee.Id, now,
            options.Value.PasswordResetTokenLifetime, cancellationToken);
    }

    /// <summary>Spends the reset token and sets the password; the employee, or <c>null</c> when the token is no good.</summary>
    public async Task<EmployeeAccount?> ResetAsync(string? token, string password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var employeeId = await AccountTokens.ConsumeAsync(connection, transaction, AccountTokenPurpose.ResetPassword, token, now, cancellationToken);
        if (employeeId is null)
        {
            return null;
        }

        // Reaching the mailbox proves the address, so a reset also verifies it.
        await using var update = new NpgsqlCommand("""
            UPDATE employees SET password_hash = @hash, email_verified = true, updated_at = @now
            WHERE id = @id AND status = 'active'
            RETURNING id, business_id, email, display_name, role, password_hash, status, email_verified
            """, connection, transaction);
        update.Parameters.AddWithValue("hash", Hash(employeeId.Value, password));
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("id", employeeId.Value);
        EmployeeAccount? account;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            account = await reader.ReadAsync(cancellationToken) ? EmployeeDirectory.ReadAccount(reader) : null;
        }

        if (account is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    private string Hash(Guid employeeId, string password) =>
        passwords.HashPassword(new EmployeeAccount(employeeId, Guid.Empty, "", "", "", "", true), password);
}
