using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Services;

/// <summary>A business's services, who performs them, and the business's and each service's opening hours.</summary>
public sealed class ServiceCatalog(TenantDatabase database)
{
    private const string Columns =
        "s.id, s.name, s.description, s.price_minor, s.currency, s.duration_minutes, s.buffer_minutes, s.is_active, s.created_at, s.updated_at";

    public async Task<IReadOnlyList<ServiceRecord>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM services s WHERE s.business_id = @b ORDER BY s.name, s.id", connection);
        command.Parameters.AddWithValue("b", businessId);
        var rows = new List<ServiceRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
        }

        var result = new List<ServiceRecord>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(await CompleteAsync(connection, businessId, row, cancellationToken));
        }

        return result;
    }

    public async Task<ServiceRecord?> GetAsync(Guid businessId, Guid serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM services s WHERE s.business_id = @b AND s.id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", serviceId);
        ServiceRecord? row;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            row = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        return row is null ? null : await CompleteAsync(connection, businessId, row, cancellationToken);
    }

    /// <summary>Employees among <paramref name="employeeIds"/> that are not active members of the business.</summary>
    public async Task<IReadOnlyList<Guid>> UnknownEmployeesAsync(Guid businessId, IReadOnlyList<Guid> employeeIds, CancellationToken cancellationToken)
    {
        if (employeeIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT e FROM unnest(@ids) AS e WHERE NOT EXISTS (SELECT 1 FROM employees WHERE id = e AND business_id = @b AND status = 'active')", connection);
        command.Parameters.AddWithValue("ids", employeeIds.ToArray());
        command.Parameters.AddWithValue("b", businessId);
        var unknown = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unknown.Add(reader.GetGuid(0));
        }

        return unknown;
    }

    public async Task<ServiceRecord> CreateAsync(Guid businessId, ServiceDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO services (id, business_id, name, description, price_minor, currency, duration_minutes, buffer_minutes, is_active, created_at, updated_at)
            VALUES (@id, @b, @name, @description, @price, @currency, @duration, @buffer, @active, @now, @now)
            """, connection, transaction))
        {
            Bind(insert, businessId, id, draft, now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await ReplaceDetailsAsync(connection, transaction, businessId, id, draft, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(businessId, id, cancellationToken))!;
    }

    public async Task<ServiceRecord?> UpdateAsync(Guid businessId, Guid serviceId, ServiceDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand(
            """
            UPDATE services SET name = @name, description = @description, price_minor = @price, currency = @currency,
                   duration_minutes = @duration, buffer_minutes = @buffer, is_active = @active, updated_at = @now
             WHERE business_id = @b AND id = @id
            """, connection, transaction))
        {
            Bind(update, businessId, serviceId, draft, now);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await ReplaceDetailsAsync(connection, transaction, businessId, serviceId, draft, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(businessId, serviceId, cancellationToken);
    }

    /// <summary>Deletes a service that was never booked; null when there is no such service, false when it has bookings.</summary>
    public async Task<bool?> DeleteAsync(Guid businessId, Guid serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH target AS (SELECT id, EXISTS (SELECT 1 FROM bookings WHERE service_id = s.id) AS booked
                              FROM services s WHERE business_id = @b AND id = @id),
                 deleted AS (DELETE FROM services WHERE id IN (SELECT id FROM target WHERE NOT booked) RETURNING id)
            SELECT booked FROM target
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", serviceId);
        return await command.ExecuteScalarAsync(cancellationToken) is bool booked ? !booked : null;
    }

    /// <summary>The business's own hours and exceptions (those of no service).</summary>
    public async Task<OpeningSchedule> GetBusinessHoursAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        return await ReadScheduleAsync(connection, businessId, null, cancellationToken);
    }

    public async Task SetBusinessHoursAsync(Guid businessId, OpeningSchedule schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteScheduleAsync(connection, transaction, businessId, null, schedule, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Bind(NpgsqlCommand command, Guid businessId, Guid id, ServiceDraft draft, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", draft.Name);
        command.Parameters.AddWithValue("description", draft.Description);
        command.Parameters.AddWithValue("price", draft.PriceMinor);
        command.Parameters.AddWithValue("currency", draft.Currency);
        command.Parameters.AddWithValue("duration", draft.DurationMinutes);
        command.Parameters.AddWithValue("buffer", draft.BufferMinutes);
        command.Parameters.AddWithValue("active", draft.IsActive);
        command.Parameters.AddWithValue("now", now);
    }

    private static async Task ReplaceDetailsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid serviceId, ServiceDraft draft, CancellationToken cancellationToken)
    {
        await using (var performers = new NpgsqlCommand(
            """
            DELETE FROM service_employees WHERE service_id = @s;
            INSERT INTO service_employees (service_id, employee_id, business_id) SELECT @s, e, @b FROM unnest(@ids) AS e;
            """, connection, transaction))
        {
            performers.Parameters.AddWithValue("s", serviceId);
            performers.Parameters.AddWithValue("b", businessId);
            performers.Parameters.AddWithValue("ids", draft.EmployeeIds.Distinct().ToArray());
            await performers.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteScheduleAsync(connection, transaction, businessId, serviceId, draft.Availability, cancellationToken);
    }

    internal static async Task WriteScheduleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid? serviceId, OpeningSchedule schedule, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM opening_hours WHERE business_id = @b AND service_id IS NOT DISTINCT FROM @s;
            DELETE FROM availability_exceptions WHERE business_id = @b AND service_id IS NOT DISTINCT FROM @s;
            INSERT INTO opening_hours (id, business_id, service_id, weekday, opens, closes)
            SELECT gen_random_uuid(), @b, @s, w, o, c FROM unnest(@weekdays, @opens, @closes) AS h(w, o, c);
            INSERT INTO availability_exceptions (id, business_id, service_id, day, opens, closes, reason)
            SELECT gen_random_uuid(), @b, @s, d, o, c, r FROM unnest(@days, @xopens, @xcloses, @reasons) AS x(d, o, c, r);
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Uuid) { Value = (object?)serviceId ?? DBNull.Value });
        command.Parameters.AddWithValue("weekdays", schedule.WeeklyHours.Select(h => (short)h.Weekday).ToArray());
        command.Parameters.AddWithValue("opens", schedule.WeeklyHours.Select(h => h.Opens).ToArray());
        command.Parameters.AddWithValue("closes", schedule.WeeklyHours.Select(h => h.Closes).ToArray());
        command.Parameters.AddWithValue("days", schedule.Exceptions.Select(e => e.Day).ToArray());
        command.Parameters.Add(new NpgsqlParameter("xopens", NpgsqlDbType.Array | NpgsqlDbType.Time) { Value = schedule.Exceptions.Select(e => (object?)e.Opens ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("xcloses", NpgsqlDbType.Array | NpgsqlDbType.Time) { Value = schedule.Exceptions.Select(e => (object?)e.Closes ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("reasons", schedule.Exceptions.Select(e => e.Reason).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ServiceRecord> CompleteAsync(NpgsqlConnection connection, Guid businessId, ServiceRecord row, CancellationToken cancellationToken)
    {
        var performers = new List<Guid>();
        await using (var command = new NpgsqlCommand("SELECT employee_id FROM service_employees WHERE service_id = @s ORDER BY employee_id", connection))
        {
            command.Parameters.AddWithValue("s", row.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                performers.Add(reader.GetGuid(0));
            }
        }

        return row with { EmployeeIds = performers, Availability = await ReadScheduleAsync(connection, businessId, row.Id, cancellationToken) };
    }

    internal static async Task<OpeningSchedule> ReadScheduleAsync(NpgsqlConnection connection, Guid businessId, Guid? serviceId, CancellationToken cancellationToken)
    {
        var hours = new List<WeeklyHours>();
        var exceptions = new List<DateException>();
        await using var command = new NpgsqlCommand(
            """
            SELECT weekday, opens, closes FROM opening_hours WHERE business_id = @b AND service_id IS NOT DISTINCT FROM @s ORDER BY weekday, opens;
            SELECT day, opens, closes, reason FROM availability_exceptions WHERE business_id = @b AND service_id IS NOT DISTINCT FROM @s ORDER BY day, opens;
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Uuid) { Value = (object?)serviceId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(new WeeklyHours(reader.GetInt16(0), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            exceptions.Add(new DateException(
                reader.GetFieldValue<DateOnly>(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<TimeOnly>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeOnly>(2),
                reader.GetString(3)));
        }

        return new OpeningSchedule(hours, exceptions);
    }

    private static ServiceRecord Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt64(3),
        reader.GetString(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetBoolean(7),
        [],
        OpeningSchedule.Empty,
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9));
}
