using Conversations.TestSupport;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>Reads the clustering tables the way an operator would, behind the silos' backs.</summary>
public static class MembershipTable
{
    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(TestDatabase database, string clusterId)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT port, generation, status
            FROM orleans_membership
            WHERE deployment_id = @cluster
            ORDER BY port, generation
            """);
        command.Parameters.AddWithValue("cluster", clusterId);
        var rows = new List<MembershipRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>The status of the newest incarnation listening on <paramref name="port"/>, or null when it has no row.</summary>
    public static int? StatusOf(IReadOnlyList<MembershipRow> rows, int port) =>
        rows.Where(r => r.Port == port).MaxBy(r => r.Generation)?.Status;
}
