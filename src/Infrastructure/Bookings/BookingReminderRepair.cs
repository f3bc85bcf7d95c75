using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Infrastructure.Bookings;

/// <summary>
/// Every half hour (and soon after start), gives the reminder grains of the next day's confirmed bookings
/// their plan again, so a plan lost to a failure when the booking changed is back before its reminders are due.
/// </summary>
public sealed partial class BookingReminderRepair(PostgresBookings bookings, TimeProvider time, ILogger<BookingReminderRepair> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the node finish starting (the cluster must be up to reach grains).
        await Task.Delay(TimeSpan.FromSeconds(30), time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                LogReplanned(await bookings.ReplanUpcomingAsync(Horizon, stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-planned the reminders of {Count} upcoming bookings")]
    private partial void LogReplanned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-planning upcoming booking reminders failed; the next round retries")]
    private partial void LogFailed(Exception exception);
}
