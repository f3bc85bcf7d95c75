using Conversations.TestSupport;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>Reads <c>orleans_reminders</c> behind the reminder service's back.</summary>
public static class ReminderTable
{
    public static async Task<IReadOnlyList<ReminderRow>> ReadAsync(TestDatabase database, string serviceId)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT grain_id, reminder_name, start_time, period_ms
            FROM orleans_reminders
            WHERE service_id = @service
            ORDER BY grain_id, reminder_name
            """);
        command.Parameters.AddWithValue("service", serviceId);
        var rows = new List<ReminderRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderRow(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
