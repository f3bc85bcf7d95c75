using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

public sealed class RatingQueries(TenantDatabase database)
{
    /// <summary>Customer satisfaction per employee over a period, best average first.</summary>
    public async Task<IReadOnlyList<RatingSummary>> SummaryAsync(Guid businessId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT employee_id, count(*)::int, avg(rating)::float8
            FROM conversation_ratings
            WHERE business_id = @business AND rated_at >= @from AND rated_at < @to
            GROUP BY employee_id
            ORDER BY avg(rating) DESC, count(*) DESC
            """, connection);
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

    /// <summary>The newest ratings, with comments.</summary>
    public async Task<IReadOnlyList<RatingEntry>> RecentAsync(Guid businessId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT conversation_id, employee_id, rating, comment, rated_at FROM conversation_ratings
            WHERE business_id = @business ORDER BY rated_at DESC, id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<RatingEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new RatingEntry(
                reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetInt16(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return list;
    }
}
