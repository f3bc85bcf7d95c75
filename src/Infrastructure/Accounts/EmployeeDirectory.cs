using Npgsql;

namespace Conversations.Infrastructure.Accounts;

public sealed class EmployeeDirectory(NpgsqlDataSource dataSource)
{
    public async Task<EmployeeAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, business_id, email, display_name, role, password_hash, is_active
            FROM employees
            WHERE lower(email) = lower(@email)
            """);
        command.Parameters.AddWithValue("email", email.Trim());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new EmployeeAccount(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), reader.GetString(5), reader.GetBoolean(6));
    }
}
