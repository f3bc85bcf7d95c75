using Npgsql;

namespace Conversations.Infrastructure.Workspace;

public sealed class RatingQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Customer satisfaction per employee over a period, best average first.</summary>
    public async Task<IReadOnlyList<RatingSummary>> SummaryAsync(Guid businessId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT employee_id, count(*)::int, avg(rating)::float8
            FROM conversation_ratings
            WHERE business_id = @business AND rated_at >= @from AND rated_at < @to
            GROUP BY employee_id
            ORDER BY avg(rating) DESC, count(*) DESC
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        var list = new List<RatingSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new RatingSummary(reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetInt32(1), Math.Round(reader.GetDouble(2), 2)));
        }

        return list;
    }
}
