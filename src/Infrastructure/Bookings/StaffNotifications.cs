using System.Globalization;
using Conversations.Grains.Bookings;
using Conversations.Grains.Workspace;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conversations.Infrastructure.Bookings;

/// <summary>
/// Tells the staff member a booking is assigned to when it is made, confirmed, moved or cancelled: in the
/// dashboard (a notification, live and by Web Push) and by e-mail.
/// </summary>
public sealed partial class StaffNotifications(
    TenantDatabase database, IEnumerable<IMailSender> senders, IEmployeeNotifier notifier, ILogger<StaffNotifications> logger)
{
    public async Task NotifyAsync(Guid businessId, BookingView booking, string change, CancellationToken cancellationToken)
    {
        if (booking.StaffId is not { } staffId)
        {
            return;
        }

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT email, display_name FROM employees WHERE business_id = @b AND id = @id AND status = 'active'", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", staffId);
        string email;
        string name;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }

            (email, name) = (reader.GetString(0), reader.GetString(1));
        }

        // Not held while the notification and the e-mail go out (they take their own connections, or none).
        await command.DisposeAsync();
        await connection.DisposeAsync();

        var when = booking.Start.ToString("dddd d MMMM yyyy, HH:mm (zzz)", CultureInfo.InvariantCulture);
        try
        {
            await notifier.NotifyAsync(
                businessId, staffId, "booking", $"Booking {change}: {booking.ServiceName}, {when}", null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, booking.Id, staffId);
        }

        try
        {
            if (senders.FirstOrDefault() is not { } mail)
            {
                LogNoMail(logger, booking.Id);
                return;
            }

            await mail.SendAsync(
                new OutgoingMail(email, $"Booking {change}: {booking.ServiceName}, {when}", $"""
                    Hello {name},

                    A booking of yours was {change}:

                    {booking.ServiceName} with {booking.CustomerName ?? "a customer"}
                    {when}, {booking.TimeZone}
                    Status: {booking.Status}
                    """),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The booking is saved; a lost notification must not turn it into an error for the caller.
            LogFailed(logger, e, booking.Id, staffId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId}: no mail transport on this node, staff not notified")]
    private static partial void LogNoMail(ILogger logger, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {BookingId}: notifying staff member {EmployeeId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid bookingId, Guid employeeId);
}
