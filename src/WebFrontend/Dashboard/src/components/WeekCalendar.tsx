import { query } from "../api";
import { addDays, formatDate, formatWeek, localParts, statusNames, weekdays } from "./records";
import type { Booking, WeeklyHours } from "../types";

/** rem per hour row */
const hourHeight = 4;

type Placed = { booking: Booking; start: number; end: number; lane: number; lanes: number };

/** A day's bookings placed by their local minutes, side by side where they overlap (several staff). */
function place(bookings: Booking[], date: string): Placed[] {
  const items = bookings
    .map((booking) => {
      const start = localParts(booking.start);
      const end = localParts(booking.end);
      const endMinutes = end.date > date ? 24 * 60 : end.minutes;
      return { booking, start: start.minutes, end: Math.max(endMinutes, start.minutes + 15), lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // Groups of bookings that overlap each other share the width between them.
  let group: Placed[] = [];
  let groupEnd = -1;
  const laneEnds: number[] = [];
  const close = () => {
    const lanes = Math.max(1, ...group.map((p) => p.lane + 1));
    for (const p of group) p.lanes = lanes;
    group = [];
    laneEnds.length = 0;
  };
  for (const item of items) {
    if (item.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = item.end;
    item.lane = lane;
    group.push(item);
    groupEnd = Math.max(groupEnd, item.end);
  }
  close();
  return items;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

type Props = {
  monday: string;
  bookings: Booking[];
  weeklyHours: WeeklyHours[];
  today: string;
};

/** Seven day columns and hour rows; each booking at its local time of the business, linked to its page. */
export function WeekCalendar({ monday, bookings, weeklyHours, today }: Props) {
  const days = weekdays.map((weekday, i) => ({ weekday, date: addDays(monday, i) }));
  const byDay = new Map(days.map((d) => [d.date, [] as Booking[]]));
  for (const b of bookings) byDay.get(localParts(b.start).date)?.push(b);

  // The rows span the opening hours of the week (08:00–20:00 without any) and every booking in it.
  let first = weeklyHours.length ? Math.min(...weeklyHours.map((h) => Math.floor(minutesOf(h.opens) / 60))) : 8;
  let last = weeklyHours.length ? Math.max(...weeklyHours.map((h) => Math.ceil(minutesOf(h.closes) / 60))) : 20;
  for (const b of bookings) {
    const start = localParts(b.start);
    const end = localParts(b.end);
    first = Math.min(first, Math.floor(start.minutes / 60));
    last = Math.max(last, end.date > start.date ? 24 : Math.ceil(end.minutes / 60));
  }
  if (last <= first) last = first + 1;
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const rem = (minutes: number) => `${((minutes - first * 60) / 60) * hourHeight}rem`;

  return (
    <div class="week-scroll" role="region" aria-label={`Week of ${formatWeek(monday)}`} tabIndex={0}>
      <div class="week-grid">
        <div class="time-gutter" aria-hidden="true">
          <div class="day-head" />
          <div class="day-body" style={{ height: `${hours.length * hourHeight}rem` }}>
            {hours.map((h) => (
              <span key={h} class="hour-label" style={{ top: rem(h * 60) }}>{hourLabel(h)}</span>
            ))}
          </div>
        </div>
        {days.map(({ weekday, date }) => {
          const placed = place(byDay.get(date) ?? [], date);
          const headingId = `day-${date}`;
          const open = weeklyHours.filter((h) => h.weekday === weekday);
          return (
            <section key={date} class={`day-column ${date === today ? "today" : ""}`} aria-labelledby={headingId} data-date={date}>
              <div class="day-head">
                <h3 id={headingId} aria-current={date === today ? "date" : undefined}>{formatDate(date, "column")}</h3>
                <a class="book-day" href={`/bookings/new${query({ date })}`}>
                  + Book<span class="visually-hidden"> on {formatDate(date)}</span>
                </a>
              </div>
              <div class="day-body" style={{ height: `${hours.length * hourHeight}rem` }}>
                {open.map((h) => (
                  <div key={h.opens} class="open-hours" aria-hidden="true" style={{ top: rem(minutesOf(h.opens)), height: `${((minutesOf(h.closes) - minutesOf(h.opens)) / 60) * hourHeight}rem` }} />
                ))}
                {placed.length === 0 ? (
                  <p class="visually-hidden">No bookings.</p>
                ) : (
                  <ol class="day-bookings" aria-label={`Bookings on ${formatDate(date)}`}>
                    {placed.map(({ booking, start, end, lane, lanes }) => (
                      <li
                        key={booking.id}
                        class="booking-slot"
                        style={{ top: rem(start), height: `${((end - start) / 60) * hourHeight}rem`, left: `${(lane / lanes) * 100}%`, width: `${100 / lanes}%` }}
                      >
                        <a class={`booking-block status-${booking.status}`} href={`/bookings/${booking.id}`} data-booking-id={booking.id}>
                          <span><span class="booking-time">{localParts(booking.start).time}–{localParts(booking.end).time}</span> {booking.serviceName}</span>
                          <span>
                            {booking.customerName || "Customer"}
                            {booking.status !== "confirmed" && <> · {statusNames[booking.status]}</>}
                          </span>
                        </a>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
