using Conversations.Grains.Businesses;
using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Services;

/// <inheritdoc cref="IBusinessHours"/>
public sealed class PostgresBusinessHours(TenantDatabase database) : IBusinessHours
{
    public async Task<OpeningStatus> GetStatusAsync(Guid businessId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
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
