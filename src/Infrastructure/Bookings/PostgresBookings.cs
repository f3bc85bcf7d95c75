using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Services;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Bookings;

/// <summary>
/// <see cref="IBookings"/> over PostgreSQL. Overlaps are checked by the <c>bookings_no_overlap</c> exclusion
/// constraint at insert or update time, not by reading first, so two concurrent requests for one slot can
/// never both succeed: the loser gets <see cref="BookingFailureKind.Conflict"/> on <c>start</c>.
/// The <see cref="IBookingObserver"/>s (payments: refunds) hear of a cancellation after its commit.
/// </summary>
public sealed partial class PostgresBookings(
    TenantDatabase database,
    IGrainFactory grains,
    StaffNotifications staffNotifications,
    IEnumerable<IBookingObserver> observers,
    TimeProvider time,
    ILogger<PostgresBookings> logger) : IBookings
{
    private const string ExclusionViolation = "23P01";

    private const string ViewSql =
        """
        SELECT b.id, b.service_id, s.name, b.customer_id, c.name, b.staff_id, b.starts_at, b.ends_at, b.status, b.notes,
               biz.time_zone, b.created_at, b.updated_at, c.wa_id, b.resource_id, b.blocked_until
          FROM bookings b
          JOIN services s ON s.id = b.service_id
          JOIN customers c ON c.id = b.customer_id
          JOIN businesses biz ON biz.id = b.business_id
        """;

    public async Task<DayAvailability?> FindFreeSlotsAsync(Guid businessId, Guid serviceId, DateOnly date, Guid? staffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        var service = await LoadServiceAsync(connection, businessId, serviceId, cancellationToken);
        if (service is null || !service.IsActive)
        {
            return null;
        }

        var zone = (await BusinessTimeZones.FindAsync(connection, businessId, cancellationToken))!;
        var resources = staffId is { } staff ? [staff] : ResourcesOf(businessId, service);
        var business = await ServiceCatalog.ReadScheduleAsync(connection, businessId, null, cancellationToken);
        var openings = OpeningSchedule.For(date, business, service.Availability);

        // Wide enough for any local date in any zone, buffers included.
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-2);
        var busy = await BusyAsync(connection, businessId, resources, from, from.AddDays(5), null, cancellationToken);
        var slots = SlotPlanner.FreeSlots(
            date, zone, openings, TimeSpan.FromMinutes(service.DurationMinutes), TimeSpan.FromMinutes(service.BufferMinutes), resources, busy, time.GetUtcNow());
        return new DayAvailability(serviceId, date, zone.Id, slots);
    }

    public async Task<BookingOutcome> CreateAsync(Guid businessId, NewBooking booking, BookingActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        var service = await LoadServiceAsync(connection, businessId, booking.ServiceId, cancellationToken);
        if (service is null)
        {
            return BookingOutcome.Failed(BookingFailureKind.NotFound, "serviceId", "No such service.");
        }

        if (!service.IsActive)
        {
            return BookingOutcome.Failed(BookingFailureKind.Invalid, "serviceId", "The service is not active.");
        }

        if (!await ExistsAsync(connection, "SELECT 1 FROM customers WHERE business_id = @b AND id = @id AND erased_at IS NULL", businessId, booking.CustomerId, cancellationToken))
        {
            return BookingOutcome.Failed(BookingFailureKind.NotFound, "customerId", "No such customer.");
        }

        if (await StaffProblemAsync(connection, businessId, service, booking.StaffId, cancellationToken) is { } staffProblem)
        {
            return staffProblem;
        }

        if (booking.RequireOpenSlot && !await IsOpenSlotAsync(businessId, service, booking, cancellationToken))
        {
            return BookingOutcome.Failed(BookingFailureKind.Conflict, "start", "This time is not one of the service's free slots.");
        }

        var resources = booking.StaffId is { } staff ? [staff] : await OrderedResourcesAsync(connection, businessId, service, cancellationToken);
        var id = Guid.CreateVersion7();
        var start = booking.Start;
        var end = start.AddMinutes(service.DurationMinutes);
        var blockedUntil = end.AddMinutes(service.BufferMinutes);
        var now = time.GetUtcNow();
        foreach (var resource in resources)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await using (var insert = new NpgsqlCommand(
                    """
                    INSERT INTO bookings (id, business_id, service_id, customer_id, staff_id, resource_id, starts_at, ends_at, blocked_until, status, notes, created_at, updated_at)
                    VALUES (@id, @b, @service, @customer, @staff, @resource, @start, @end, @blocked, @status, @notes, @now, @now)
                    """, connection, transaction))
                {
                    insert.Parameters.AddWithValue("id", id);
                    insert.Parameters.AddWithValue("b", businessId);
                    insert.Parameters.AddWithValue("service", service.Id);
                    insert.Parameters.AddWithValue("customer", booking.CustomerId);
                    insert.Parameters.Add(new NpgsqlParameter("staff", NpgsqlDbType.Uuid) { Value = resource == businessId ? DBNull.Value : resource });
                    insert.Parameters.AddWithValue("resource", resource);
                    insert.Parameters.AddWithValue("start", start.ToUniversalTime());
                    insert.Parameters.AddWithValue("end", end.ToUniversalTime());
                    insert.Parameters.AddWithValue("blocked", blockedUntil.ToUniversalTime());
                    insert.Parameters.AddWithValue("status", booking.Status);
                    insert.Parameters.AddWithValue("notes", booking.Notes);
                    insert.Parameters.AddWithValue("now", now);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await RecordAsync(connection, transaction, businessId, id, actor, "created", null, booking.Status, start, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == ExclusionViolation)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            // Back to the pool before the reads and calls below take connections of their own.
            await connection.DisposeAsync();
            var view = (await GetAsync(businessId, id, cancellationToken))!;
            LogBooked(logger, businessId, id, resource);
            await NotifyAsync(businessId, id, null, view, cancellationToken);
            await staffNotifications.NotifyAsync(businessId, view, "made", cancellationToken);
            await TellConversationAsync(businessId, view, cancellationToken);
            return BookingOutcome.Saved(view);
        }

        return BookingOutcome.Failed(BookingFailureKind.Conflict, "start", "This slot is already booked.");
    }

    public async Task<BookingOutcome> ChangeAsync(Guid businessId, Guid bookingId, BookingChange change, BookingActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Stored? current;
        await using (var select = new NpgsqlCommand(
            "SELECT service_id, staff_id, resource_id, starts_at, status FROM bookings WHERE business_id = @b AND id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("b", businessId);
            select.Parameters.AddWithValue("id", bookingId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            current = await reader.ReadAsync(cancellationToken)
                ? new Stored(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4))
                : null;
        }

        if (current is null)
        {
            return BookingOutcome.Failed(BookingFailureKind.NotFound, "id", "No such booking.");
        }

        var before = await GetAsync(businessId, bookingId, cancellationToken);
        var status = change.Status ?? current.Status;
        if (status != current.Status && !BookingStatus.CanMove(current.Status, status))
        {
            return BookingOutcome.Failed(BookingFailureKind.Conflict, "status", $"A {current.Status} booking cannot become {status}.");
        }

        var moves = (change.Start is { } s && s != current.Start) || (change.StaffId is { } st && st != current.StaffId);
        if (moves && !BookingStatus.IsOpen(current.Status))
        {
            return BookingOutcome.Failed(BookingFailureKind.Conflict, "start", $"A {current.Status} booking cannot be moved.");
        }

        var service = (await LoadServiceAsync(connection, businessId, current.ServiceId, cancellationToken, transaction))!;
        if (change.StaffId is { } newStaff && newStaff != current.StaffId
            && await StaffProblemAsync(connection, businessId, service, newStaff, cancellationToken, transaction) is { } staffProblem)
        {
            return staffProblem;
        }

        var start = change.Start ?? current.Start;
        var resource = change.StaffId ?? current.ResourceId;
        var now = time.GetUtcNow();
        try
        {
            await using (var update = new NpgsqlCommand(
                """
                UPDATE bookings SET status = @status, starts_at = @start, ends_at = @end, blocked_until = @blocked,
                       staff_id = @staff, resource_id = @resource, notes = coalesce(@notes, notes), updated_at = @now
                 WHERE id = @id
                """, connection, transaction))
            {
                update.Parameters.AddWithValue("id", bookingId);
                update.Parameters.AddWithValue("status", status);
                update.Parameters.AddWithValue("start", start.ToUniversalTime());
                update.Parameters.AddWithValue("end", start.AddMinutes(service.DurationMinutes).ToUniversalTime());
                update.Parameters.AddWithValue("blocked", start.AddMinutes(service.DurationMinutes + service.BufferMinutes).ToUniversalTime());
                update.Parameters.Add(new NpgsqlParameter("staff", NpgsqlDbType.Uuid) { Value = change.StaffId ?? (object?)current.StaffId ?? DBNull.Value });
                update.Parameters.AddWithValue("resource", resource);
                update.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Text) { Value = (object?)change.Notes ?? DBNull.Value });
                update.Parameters.AddWithValue("now", now);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            var what = status != current.Status ? "status" : moves ? "rescheduled" : "updated";
            await RecordAsync(connection, transaction, businessId, bookingId, actor, what, current.Status, status, start, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == ExclusionViolation)
        {
            return BookingOutcome.Failed(BookingFailureKind.Conflict, "start", "This slot is already booked.");
        }

        // Back to the pool before the reads and calls below take connections of their own.
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        var view = (await GetAsync(businessId, bookingId, cancellationToken))!;
        await NotifyAsync(businessId, bookingId, before, view, cancellationToken);
        if (StaffChange(before, view) is { } staffChange)
        {
            await staffNotifications.NotifyAsync(businessId, view, staffChange, cancellationToken);
        }

        if (status != current.Status && status == BookingStatus.Cancelled)
        {
            await CancelledAsync(businessId, view, actor, cancellationToken);
        }

        return BookingOutcome.Saved(view);
    }

    public async Task<BookingView?> GetAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"{ViewSql} WHERE b.business_id = @b AND b.id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadView(reader) : null;
    }

    /// <summary>Bookings starting in [from, to), optionally of one status, customer or staff member, by start.</summary>
    public async Task<IReadOnlyList<BookingView>> ListAsync(
        Guid businessId, DateTimeOffset from, DateTimeOffset to, string? status, Guid? customerId, Guid? staffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
             {ViewSql}
              WHERE b.business_id = @b AND b.starts_at >= @from AND b.starts_at < @to
                AND (@status::text IS NULL OR b.status = @status)
                AND (@customer::uuid IS NULL OR b.customer_id = @customer)
                AND (@staff::uuid IS NULL OR b.staff_id = @staff)
              ORDER BY b.starts_at, b.id
              LIMIT 1000
             """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)status ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlDbType.Uuid) { Value = (object?)customerId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("staff", NpgsqlDbType.Uuid) { Value = (object?)staffId ?? DBNull.Value });
        var list = new List<BookingView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadView(reader));
        }

        return list;
    }

    /// <summary>Who changed what, oldest first; null when the booking is not the business's.</summary>
    public async Task<IReadOnlyList<BookingEventView>?> HistoryAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        if (!await ExistsAsync(connection, "SELECT 1 FROM bookings WHERE business_id = @b AND id = @id", businessId, bookingId, cancellationToken))
        {
            return null;
        }

        var zone = (await BusinessTimeZones.FindAsync(connection, businessId, cancellationToken))!;
        await using var command = new NpgsqlCommand(
            "SELECT at, actor, employee_id, change, from_status, to_status, starts_at FROM booking_events WHERE booking_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", bookingId);
        var events = new List<BookingEventView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new BookingEventView(
                SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(0), zone),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(6), zone)));
        }

        return events;
    }

    /// <summary>
    /// Hands the grains of confirmed bookings that start within <paramref name="horizon"/> their plan again.
    /// Plans are idempotent, so this only repairs a plan that an earlier failure kept from its grain.
    /// </summary>
    /// <returns>How many bookings were re-planned.</returns>
    public async Task<int> ReplanUpcomingAsync(TimeSpan horizon, CancellationToken cancellationToken)
    {
        var upcoming = new List<(Guid BusinessId, Guid BookingId)>();
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("""
            SELECT business_id, id FROM bookings
            WHERE status = 'confirmed' AND starts_at > now() AND starts_at <= now() + @horizon
            """, connection))
        {
            command.Parameters.AddWithValue("horizon", horizon);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                upcoming.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        foreach (var (businessId, bookingId) in upcoming)
        {
            if (await GetAsync(businessId, bookingId, cancellationToken) is { } booking)
            {
                await NotifyAsync(businessId, bookingId, null, booking, cancellationToken);
            }
        }

        return upcoming.Count;
    }

    /// <summary>
    /// Tells the booking's grain when it was, or is now, confirmed, so confirmation and reminders follow the
    /// booking. Called after the commit: the database is the truth, the grain only sends messages.
    /// </summary>
    private async Task NotifyAsync(Guid businessId, Guid bookingId, BookingView? before, BookingView after, CancellationToken cancellationToken)
    {
        if (before?.Status != BookingStatus.Confirmed && after.Status != BookingStatus.Confirmed)
        {
            return;
        }

        string? waId;
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT wa_id FROM customers WHERE id = @id", connection))
        {
            command.Parameters.AddWithValue("id", after.CustomerId);
            waId = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        try
        {
            await grains.GetGrain<IBookingGrain>(bookingId).ScheduleAsync(new BookingReminderPlan(
                businessId, waId, after.CustomerName ?? "", after.ServiceName, after.Start, after.Status, after.UpdatedAt));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The booking is committed: answering 500 would make the caller retry into its own slot (409).
            // The next change of the booking hands the grain the whole plan again.
            LogScheduleFailed(logger, e, businessId, bookingId);
        }
    }

    /// <summary>The customer's conversation runs its <c>booking_created</c> rules (one-way: the booking never waits for them).</summary>
    private async Task TellConversationAsync(Guid businessId, BookingView booking, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(businessId, cancellationToken);
            await using var command = new NpgsqlCommand("SELECT wa_id FROM customers WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", booking.CustomerId);
            if (await command.ExecuteScalarAsync(cancellationToken) is string waId)
            {
                await grains.GetGrain<IConversationGrain>(ConversationIds.For(businessId, waId)).BookingCreatedAsync(booking.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogObserverFailed(logger, e, businessId, booking.Id);
        }
    }

    /// <summary>Tells the observers of a committed cancellation; like the grain's plan, a failure is logged, not answered.</summary>
    private async Task CancelledAsync(Guid businessId, BookingView booking, BookingActor actor, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.CancelledAsync(businessId, booking, actor, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogObserverFailed(logger, e, businessId, booking.Id);
            }
        }
    }

    /// <summary>What the assigned staff member is told about a change, or null when it does not concern them.</summary>
    private static string? StaffChange(BookingView? before, BookingView after) =>
        before is null || after.StaffId != before.StaffId ? "assigned to you"
        : after.Status != before.Status ? after.Status.Replace('_', '-')
        : after.Start != before.Start ? "moved"
        : null;

    private async Task<bool> IsOpenSlotAsync(Guid businessId, ServiceRecord service, NewBooking booking, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        var zone = (await BusinessTimeZones.FindAsync(connection, businessId, cancellationToken))!;
        var date = DateOnly.FromDateTime(SlotPlanner.InZone(booking.Start, zone).DateTime);
        var day = await FindFreeSlotsAsync(businessId, service.Id, date, booking.StaffId, cancellationToken);
        return day is not null && day.Slots.Any(s => s.Start == booking.Start);
    }

    private static IReadOnlyList<Guid> ResourcesOf(Guid businessId, ServiceRecord service) =>
        service.EmployeeIds.Count > 0 ? service.EmployeeIds : [businessId];

    /// <summary>The service's performers by name (the order a staff member is picked in), or the business.</summary>
    private static async Task<IReadOnlyList<Guid>> OrderedResourcesAsync(NpgsqlConnection connection, Guid businessId, ServiceRecord service, CancellationToken cancellationToken)
    {
        if (service.EmployeeIds.Count == 0)
        {
            return [businessId];
        }

        await using var command = new NpgsqlCommand(
            "SELECT id FROM employees WHERE id = ANY(@ids) AND status = 'active' ORDER BY display_name, id", connection);
        command.Parameters.AddWithValue("ids", service.EmployeeIds.ToArray());
        var ordered = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ordered.Add(reader.GetGuid(0));
        }

        return ordered;
    }

    private static async Task<BookingOutcome?> StaffProblemAsync(
        NpgsqlConnection connection, Guid businessId, ServiceRecord service, Guid? staffId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        if (staffId is not { } staff)
        {
            return null;
        }

        if (!await ExistsAsync(connection, "SELECT 1 FROM employees WHERE business_id = @b AND id = @id AND status = 'active'", businessId, staff, cancellationToken, transaction))
        {
            return BookingOutcome.Failed(BookingFailureKind.NotFound, "staffId", "No such active employee.");
        }

        return service.EmployeeIds.Count > 0 && !service.EmployeeIds.Contains(staff)
            ? BookingOutcome.Failed(BookingFailureKind.Invalid, "staffId", "This employee does not perform the service.")
            : null;
    }

    private static async Task<IReadOnlyList<BusyRange>> BusyAsync(
        NpgsqlConnection connection, Guid businessId, IReadOnlyList<Guid> resources, DateTimeOffset from, DateTimeOffset to, Guid? except, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT resource_id, starts_at, blocked_until FROM bookings
             WHERE business_id = @b AND resource_id = ANY(@r) AND status <> 'cancelled'
               AND tstzrange(starts_at, blocked_until) && tstzrange(@from, @to) AND id IS DISTINCT FROM @except
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("r", resources.ToArray());
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("except", NpgsqlDbType.Uuid) { Value = (object?)except ?? DBNull.Value });
        var busy = new List<BusyRange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            busy.Add(new BusyRange(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return busy;
    }

    private static async Task<ServiceRecord?> LoadServiceAsync(
        NpgsqlConnection connection, Guid businessId, Guid serviceId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        ServiceRecord? service;
        await using (var command = new NpgsqlCommand(
            "SELECT id, name, duration_minutes, buffer_minutes, is_active FROM services WHERE business_id = @b AND id = @id", connection, transaction))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("id", serviceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            service = await reader.ReadAsync(cancellationToken)
                ? new ServiceRecord(reader.GetGuid(0), reader.GetString(1), "", 0, "", reader.GetInt32(2), reader.GetInt32(3), reader.GetBoolean(4), [], OpeningSchedule.Empty, default, default)
                : null;
        }

        if (service is null)
        {
            return null;
        }

        var performers = new List<Guid>();
        await using (var command = new NpgsqlCommand("SELECT employee_id FROM service_employees WHERE service_id = @s", connection, transaction))
        {
            command.Parameters.AddWithValue("s", serviceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                performers.Add(reader.GetGuid(0));
            }
        }

        return service with { EmployeeIds = performers, Availability = transaction is null ? await ServiceCatalog.ReadScheduleAsync(connection, businessId, serviceId, cancellationToken) : OpeningSchedule.Empty };
    }

    private static async Task<bool> ExistsAsync(
        NpgsqlConnection connection, string sql, Guid businessId, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid businessId, Guid bookingId, BookingActor actor,
        string change, string? fromStatus, string toStatus, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO booking_events (booking_id, business_id, at, actor, employee_id, change, from_status, to_status, starts_at)
            VALUES (@booking, @b, @now, @actor, @employee, @change, @from, @to, @start)
            """, connection, transaction);
        command.Parameters.AddWithValue("booking", bookingId);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("actor", actor.Kind);
        command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)actor.EmployeeId ?? DBNull.Value });
        command.Parameters.AddWithValue("change", change);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Text) { Value = (object?)fromStatus ?? DBNull.Value });
        command.Parameters.AddWithValue("to", toStatus);
        command.Parameters.AddWithValue("start", start.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BookingView ReadView(NpgsqlDataReader reader)
    {
        var zone = BusinessTimeZones.Resolve(reader.GetString(10));
        return new BookingView(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetGuid(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetGuid(5),
            SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(6), zone),
            SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(7), zone),
            reader.GetString(8),
            reader.GetString(9),
            zone.Id,
            SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(11), zone),
            SlotPlanner.InZone(reader.GetFieldValue<DateTimeOffset>(12), zone));
    }

    private sealed record Stored(Guid ServiceId, Guid? StaffId, Guid ResourceId, DateTimeOffset Start, string Status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId} of business {BusinessId}: scheduling its messages failed")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, Guid businessId, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId} of business {BusinessId}: an observer of its cancellation failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, Guid businessId, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} made in business {BusinessId} on resource {ResourceId}")]
    private static partial void LogBooked(ILogger logger, Guid businessId, Guid bookingId, Guid resourceId);
}
