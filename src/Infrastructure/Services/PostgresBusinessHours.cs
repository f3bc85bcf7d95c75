using Conversations.Grains.Businesses;
using Conversations.Infrastructure.Bookings;
using Npgsql;

namespace Conversations.Infrastructure.Services;

/// <inheritdoc cref="IBusinessHours"/>
public sealed class PostgresBusinessHours(NpgsqlDataSource dataSource) : IBusinessHours
{
    public async Task<OpeningStatus> GetStatusAsync(Guid businessId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        string zone;
        string? awayMessage;
        await using (var command = new NpgsqlCommand("SELECT time_zone, away_message FROM businesses WHERE id = @b", connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return OpeningStatus.AlwaysOpen;
            }

            (zone, awayMessage) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        var schedule = await ServiceCatalog.ReadScheduleAsync(connection, businessId, null, cancellationToken);
        return schedule.StatusAt(at, BusinessTimeZones.Resolve(zone), awayMessage);
    }
}
