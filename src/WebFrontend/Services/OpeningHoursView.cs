using Conversations.Infrastructure.Services;
using Conversations.WebFrontend.Bookings;

namespace Conversations.WebFrontend.Services;

public sealed record OpeningHoursView(IReadOnlyList<HoursView> WeeklyHours, IReadOnlyList<ExceptionView> Exceptions)
{
    public static OpeningHoursView From(OpeningSchedule schedule) => new(
        schedule.WeeklyHours.Select(h => new HoursView(ScheduleFields.Weekdays[h.Weekday - 1], RequestFields.Format(h.Opens), RequestFields.Format(h.Closes))).ToList(),
        schedule.Exceptions.Select(e => new ExceptionView(
            e.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            e.Opens is { } o ? RequestFields.Format(o) : null,
            e.Closes is { } c ? RequestFields.Format(c) : null,
            e.Reason)).ToList());
}
