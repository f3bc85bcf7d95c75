using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Automation;

/// <summary>Whether the employees and canned responses an action names belong to the business (and the employees are active).</summary>
public sealed class AutomationReferences(TenantDatabase database)
{
    public async Task<(IReadOnlySet<Guid> Employees, IReadOnlySet<Guid> CannedResponses)> KnownAsync(
        Guid businessId, IReadOnlyCollection<Guid> employeeIds, IReadOnlyCollection<Guid> cannedResponseIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id FROM employees WHERE business_id = @b AND status = 'active' AND id = ANY(@employees);
            SELECT id FROM canned_responses WHERE business_id = @b AND id = ANY(@canned);
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("employees", employeeIds.ToArray());
        command.Parameters.AddWithValue("canned", cannedResponseIds.ToArray());
        var employees = new HashSet<Guid>();
        var canned = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            employees.Add(reader.GetGuid(0));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            canned.Add(reader.GetGuid(0));
        }

        return (employees, canned);
    }
}
