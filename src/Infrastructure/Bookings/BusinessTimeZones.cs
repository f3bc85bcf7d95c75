using Npgsql;

namespace Conversations.Infrastructure.Bookings;

/// <summary>The business's IANA time zone, in which bookings are shown and opening hours are read.</summary>
public static class BusinessTimeZones
{
    public static async Task<TimeZoneInfo?> FindAsync(NpgsqlConnection connection, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT time_zone FROM businesses WHERE id = @b", connection);
        command.Parameters.AddWithValue("b", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? Resolve(id) : null;
    }

    /// <summary>The zone, or UTC when the stored id is unknown to this machine's tz database.</summary>
    public static TimeZoneInfo Resolve(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
