using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Proves that an employee reads the mailbox they signed up with.</summary>
public sealed class EmailVerification(TenantDatabase database, IOptions<AccountOptions> options)
{
    public async Task<string> IssueTokenAsync(Guid businessId, Guid employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        return await AccountTokens.IssueAsync(
            connection, null, AccountTokenPurpose.VerifyEmail, businessId, employeeId, now,
            options.Value.EmailVerificationTokenLifetime, cancellationToken);
    }

    /// <summary>Spends the token and marks its employee's address verified; false when the token is no good.</summary>
    public async Task<bool> VerifyAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var employeeId = await AccountTokens.ConsumeAsync(connection, transaction, AccountTokenPurpose.VerifyEmail, token, now, cancellationToken);
        if (employeeId is null)
        {
            return false;
        }

        await using var update = new NpgsqlCommand(
            "UPDATE employees SET email_verified = true, updated_at = @now WHERE id = @id AND status <> 'deactivated'",
            connection, transaction);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("id", employeeId.Value);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
