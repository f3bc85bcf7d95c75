using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Reads employees for login and lists, and changes what is not security state (names).</summary>
public sealed class EmployeeDirectory(TenantDatabase database)
{
    private const string AccountColumns = "id, business_id, email, display_name, role, password_hash, status, email_verified";
    private const string ProfileColumns = "id, business_id, email, display_name, role, status, email_verified, created_at";

    public async Task<EmployeeAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM employees WHERE lower(email) = lower(@email)", connection);
        command.Parameters.AddWithValue("email", email.Trim());
        return await ReadAccountAsync(command, cancellationToken);
    }

    public async Task<EmployeeAccount?> FindByIdAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM employees WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", employeeId);
        return await ReadAccountAsync(command, cancellationToken);
    }

    /// <summary>The business's employees, newest last.</summary>
    public async Task<IReadOnlyList<EmployeeProfile>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {ProfileColumns} FROM employees WHERE business_id = @business ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var employees = new List<EmployeeProfile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            employees.Add(ReadProfile(reader));
        }

        return employees;
    }

    /// <summary>The employee, when they belong to <paramref name="businessId"/>.</summary>
    public async Task<EmployeeProfile?> GetAsync(Guid businessId, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {ProfileColumns} FROM employees WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", employeeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadProfile(reader) : null;
    }

    /// <summary>Renames the employee of <paramref name="businessId"/>; false when there is none.</summary>
    public async Task<bool> RenameAsync(Guid businessId, Guid employeeId, string displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE employees SET display_name = @name, updated_at = @now WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("name", displayName);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", employeeId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    internal static EmployeeAccount ReadAccount(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetString(5), reader.GetString(6) == EmployeeStatus.Active, reader.GetBoolean(7));

    internal static EmployeeProfile ReadProfile(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetString(5), reader.GetBoolean(6), reader.GetFieldValue<DateTimeOffset>(7));

    private static async Task<EmployeeAccount?> ReadAccountAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }
}
