using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Bookings;

/// <summary>
/// The texts a booking sends, and their templates for when the 24-hour window is closed. The template
/// <c>booking_reminder</c> must be approved in the business's WhatsApp account with three body parameters:
/// customer name, service, local start ("Tue 24 Mar 10:00").
/// </summary>
public static class BookingMessages
{
    public const string ReminderTemplate = "booking_reminder";
    public const string ConfirmationTemplate = "booking_confirmation";

    public static string When(DateTimeOffset start) => start.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    public static MessageContent Reminder(BookingReminderState booking, TimeSpan lead) => MessageContent.PlainText(
        $"Hi {booking.CustomerName}, a reminder: your {booking.ServiceName} is {(lead >= ReminderSchedule.DayBefore ? "tomorrow" : "in one hour")}, {When(booking.Start)}.");

    public static MessageContent Confirmation(BookingReminderState booking) => MessageContent.PlainText(
        $"Hi {booking.CustomerName}, your {booking.ServiceName} on {When(booking.Start)} is confirmed.");

    public static MessageContent AsTemplate(string template, BookingReminderState booking) => new(
        "template",
        Template: new TemplateUse(template, "en", [booking.CustomerName, booking.ServiceName, When(booking.Start)]));

    /// <summary>A stable id per booking, purpose and start, so a retried send is queued once.</summary>
    public static Guid ClientMessageId(Guid bookingId, string purpose, DateTimeOffset start)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{bookingId:N}/{purpose}/{start.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
