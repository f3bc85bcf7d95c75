import { useEffect, useRef, useState } from "preact/hooks";
import { get, query } from "../api";
import { queryParam } from "../router";
import {
  addDays, businessZone, errorMessage, formatDate, formatLocal, formatWeek, isDate, learnZone, loadEmployees, localParts, mondayOf,
  setQuery, statusNames, today,
} from "../components/records";
import { CheckField, SelectField, Status } from "../components/RecordFields";
import { WeekCalendar } from "../components/WeekCalendar";
import type { Booking, EmployeeProfile, OpeningHours } from "../types";

/** Bookings of a week: a calendar (7 days, hour rows, local time of the business) or a list; previous and next week. */
export function BookingsPage() {
  const view = queryParam("view") === "list" ? "list" : "calendar";
  const weekParam = queryParam("week");
  const monday = mondayOf(isDate(weekParam) ? weekParam : today());
  const statusFilter = queryParam("status") ?? "";
  const showCancelled = queryParam("cancelled") === "1";
  const bookedId = queryParam("booked");

  const [bookings, setBookings] = useState<Booking[] | null>(null);
  const [hours, setHours] = useState<OpeningHours>({ weeklyHours: [], exceptions: [] });
  const [staff, setStaff] = useState<EmployeeProfile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    get<OpeningHours>("/api/availability/hours").then(setHours, () => undefined);
    loadEmployees().then(setStaff, () => undefined);
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    setBookings(null);
    setError(null);
    // A day either side in UTC covers the week's local days in any time zone; the local date decides the column.
    get<Booking[]>(`/api/bookings${query({ from: `${addDays(monday, -1)}T00:00:00Z`, to: `${addDays(monday, 9)}T00:00:00Z` })}`).then(
      (all) => {
        if (mine !== generation.current) return;
        learnZone(all[0]?.timeZone);
        const sunday = addDays(monday, 6);
        setBookings(all.filter((b) => {
          const date = localParts(b.start).date;
          return date >= monday && date <= sunday;
        }));
      },
      (e) => mine === generation.current && setError(errorMessage(e)),
    );
  }, [monday]);

  const staffName = (id?: string | null) => (id ? staff.find((e) => e.id === id)?.displayName ?? "Someone" : "—");
  const todayDate = today();
  const booked = bookedId ? bookings?.find((b) => b.id === bookedId) : null;
  const visible = (bookings ?? []).filter((b) =>
    view === "calendar" ? showCancelled || b.status !== "cancelled" : !statusFilter || b.status === statusFilter);

  return (
    <section class="page wide-page" aria-labelledby="bookings-title">
      <div class="page-header">
        <h1 id="bookings-title">Bookings</h1>
        <div class="actions">
          <div class="toggle-group" role="group" aria-label="View">
            <button type="button" class="secondary" aria-pressed={view === "calendar"} onClick={() => setQuery({ view: null })}>Calendar</button>
            <button type="button" class="secondary" aria-pressed={view === "list"} onClick={() => setQuery({ view: "list" })}>List</button>
          </div>
          <a class="button primary" href="/bookings/new">New booking</a>
        </div>
      </div>
      {booked && <Status text={`Booked ${booked.serviceName} for ${booked.customerName || "the customer"} on ${formatLocal(booked.start)}.`} />}
      <div class="week-nav">
        <button type="button" class="secondary" onClick={() => setQuery({ week: addDays(monday, -7), booked: null })}>
          ← <span>Previous week</span>
        </button>
        <h2 class="week-title" aria-live="polite">{formatWeek(monday)}</h2>
        <button type="button" class="secondary" onClick={() => setQuery({ week: addDays(monday, 7), booked: null })}>
          <span>Next week</span> →
        </button>
        {mondayOf(todayDate) !== monday && (
          <button type="button" class="link-button" onClick={() => setQuery({ week: null, booked: null })}>This week</button>
        )}
      </div>
      <div class="week-options">
        {view === "calendar" ? (
          <CheckField label="Show cancelled bookings" checked={showCancelled} onChange={(on) => setQuery({ cancelled: on ? "1" : null })} />
        ) : (
          <SelectField label="Status" name="status" value={statusFilter} onChange={(status) => setQuery({ status })} class="inline"
            options={[["", "All"], ...Object.entries(statusNames)] as [string, string][]} />
        )}
        {businessZone.value && <p class="meta">Times in {businessZone.value}.</p>}
      </div>
      {error && <div class="form-error" role="alert">{error}</div>}
      {bookings === null && !error && <p class="meta" aria-busy="true">Loading the week…</p>}
      {bookings !== null && view === "calendar" && (
        <WeekCalendar monday={monday} bookings={visible} weeklyHours={hours.weeklyHours} today={todayDate} />
      )}
      {bookings !== null && view === "list" && (
        visible.length === 0 ? (
          <p class="empty">No bookings this week{statusFilter ? ` with the status ${statusNames[statusFilter as keyof typeof statusNames] ?? statusFilter}` : ""}.</p>
        ) : (
          <table class="table" data-testid="bookings-list">
            <caption class="visually-hidden">Bookings of the week of {formatWeek(monday)}</caption>
            <thead>
              <tr><th scope="col">When</th><th scope="col">Service</th><th scope="col">Customer</th><th scope="col">Staff</th><th scope="col">Status</th></tr>
            </thead>
            <tbody>
              {visible.map((b) => (
                <tr key={b.id} class={b.id === bookedId ? "highlight" : undefined}>
                  <td>
                    <a href={`/bookings/${b.id}`}>
                      {formatDate(localParts(b.start).date, "column")}, {localParts(b.start).time}–{localParts(b.end).time}
                    </a>
                  </td>
                  <td>{b.serviceName}</td>
                  <td><a href={`/customers/${b.customerId}`}>{b.customerName || "Customer"}</a></td>
                  <td>{staffName(b.staffId)}</td>
                  <td><span class={`status-chip status-${b.status}`}>{statusNames[b.status]}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}
