using Conversations.Infrastructure.Database;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Calendar;

/// <summary>
/// A feed as an iCalendar (RFC 5545) document: the live bookings from 30 days ago to a year ahead, one event
/// per booking with its id as UID (so calendar apps update rather than duplicate), times in UTC.
/// </summary>
public sealed class CalendarRenderer(TenantDatabase database)
{
    public async Task<string> RenderAsync(CalendarFeed feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Conversations//Bookings//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Bookings");
        await using var connection = await database.OpenAsync(feed.BusinessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT b.id, s.name, coalesce(c.name, ''), coalesce(e.display_name, ''), b.starts_at, b.ends_at, b.status, b.updated_at
              FROM bookings b
              JOIN services s ON s.id = b.service_id
              JOIN customers c ON c.id = b.customer_id
              LEFT JOIN employees e ON e.id = b.staff_id
             WHERE b.business_id = @b AND (@e::uuid IS NULL OR b.staff_id = @e) AND b.status <> 'cancelled'
               AND b.starts_at >= @from AND b.starts_at < @to
             ORDER BY b.starts_at
            """, connection);
        command.Parameters.AddWithValue("b", feed.BusinessId);
        command.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Uuid) { Value = (object?)feed.EmployeeId ?? DBNull.Value });
        command.Parameters.AddWithValue("from", now.AddDays(-30));
        command.Parameters.AddWithValue("to", now.AddDays(366));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.GetString(2);
            var staff = reader.GetString(3);
            var status = reader.GetString(6);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{reader.GetGuid(0):N}@conversations",
                Summary = customer.Length > 0 ? $"{reader.GetString(1)} – {customer}" : reader.GetString(1),
                Description = staff.Length > 0 ? $"Status: {status}. With {staff}." : $"Status: {status}.",
                DtStart = Utc(reader.GetFieldValue<DateTimeOffset>(4)),
                DtEnd = Utc(reader.GetFieldValue<DateTimeOffset>(5)),
                DtStamp = Utc(reader.GetFieldValue<DateTimeOffset>(7)),
                Status = status == "pending" ? "TENTATIVE" : "CONFIRMED",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC");
}
