using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Invites employees by e-mail (a pending row and a token) and turns an accepted invitation into an active account.</summary>
public sealed class EmployeeInvitations(
    TenantDatabase database,
    IPasswordHasher<EmployeeAccount> passwords,
    IOptions<AccountOptions> options)
{
    /// <returns>The invitation, or why not: the e-mail address already belongs to an employee, or the role does not exist.</returns>
    public async Task<InvitationOutcome> InviteAsync(
        Guid businessId, string email, string displayName, string role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var employeeId = Guid.CreateVersion7(now);
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The business's row lock, which deleting a role takes too, keeps the role until this commits.
        if (!await RoleStore.LockBusinessAsync(connection, transaction, businessId, cancellationToken)
            || !await RoleStore.ExistsAsync(connection, transaction, businessId, role, cancellationToken))
        {
            return new InvitationOutcome(null, InvitationRefusal.UnknownRole);
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO employees (id, business_id, email, display_name, role, password_hash, is_active, status, email_verified, created_at, updated_at)
            VALUES (@id, @business, @email, @name, @role, '', false, 'pending', false, @now, @now)
            ON CONFLICT ((lower(email))) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", employeeId);
            insert.Parameters.AddWithValue("business", businessId);
            insert.Parameters.AddWithValue("email", email);
            insert.Parameters.AddWithValue("name", displayName);
            insert.Parameters.AddWithValue("role", role);
            insert.Parameters.AddWithValue("now", now);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return new InvitationOutcome(null, InvitationRefusal.EmailTaken);
            }
        }

        var token = await AccountTokens.IssueAsync(
            connection, transaction, AccountTokenPurpose.Invitation, businessId, employeeId, now,
            options.Value.InvitationTokenLifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InvitationOutcome(
            new Invitation(new EmployeeProfile(employeeId, businessId, email, displayName, role, EmployeeStatus.Pending, false, now), token),
            null);
    }

    /// <summary>
    /// Spends the invitation token and activates its pending employee with the name and password they chose
    /// (their e-mail is verified: the token reached it). <c>null</c> when the token is unknown, used,
    /// expired, or its employee is no longer pending.
    /// </summary>
    public async Task<EmployeeAccount?> AcceptAsync(
        string? token, string displayName, string password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var employeeId = await AccountTokens.ConsumeAsync(connection, transaction, AccountTokenPurpose.Invitation, token, now, cancellationToken);
        if (employeeId is null)
        {
            return null;
        }

        var hash = passwords.HashPassword(new EmployeeAccount(employeeId.Value, Guid.Empty, "", displayName, "", "", true), password);
        await using var update = new NpgsqlCommand("""
            UPDATE employees
            SET status = 'active', is_active = true, email_verified = true, display_name = @name,
                password_hash = @hash, updated_at = @now
            WHERE id = @id AND status = 'pending'
            RETURNING id, business_id, email, display_name, role, password_hash, status, email_verified
            """, connection, transaction);
        update.Parameters.AddWithValue("name", displayName);
        update.Parameters.AddWithValue("hash", hash);
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
}
