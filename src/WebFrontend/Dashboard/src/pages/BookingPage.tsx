import { useEffect, useState } from "preact/hooks";
import { ApiError, api, get, query } from "../api";
import {
  errorMessage, fieldErrors, formatInstant, formatLocal, isOpenBooking, learnZone, loadEmployees, localParts, minutesText, mondayOf,
  nextStatuses, statusNames,
} from "../components/records";
import { InputField, Status } from "../components/RecordFields";
import { SlotPicker } from "../components/SlotPicker";
import type { Booking, BookingEvent, BookingStatus, EmployeeProfile } from "../types";

const actionNames: Partial<Record<BookingStatus, string>> = {
  confirmed: "Confirm", completed: "Mark completed", no_show: "Mark no-show", cancelled: "Cancel booking",
};

function minutesBetween(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** One booking: its details, the status changes the API allows from where it is, rescheduling, notes and history. */
export function BookingPage({ id }: { id: string }) {
  const [booking, setBooking] = useState<Booking | null>(null);
  const [history, setHistory] = useState<BookingEvent[]>([]);
  const [employees, setEmployees] = useState<EmployeeProfile[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [statusErrors, setStatusErrors] = useState<string | null>(null);
  const [moveErrors, setMoveErrors] = useState<Record<string, string>>({});
  const [notesError, setNotesError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState("");
  const [start, setStart] = useState("");
  const [notes, setNotes] = useState("");
  const [reload, setReload] = useState(0);

  function show(b: Booking) {
    learnZone(b.timeZone);
    setBooking(b);
    setNotes(b.notes);
    void get<BookingEvent[]>(`/api/bookings/${b.id}/history`).then(setHistory, () => undefined);
  }

  useEffect(() => {
    get<Booking>(`/api/bookings/${id}`).then(
      (b) => {
        show(b);
        setDate(localParts(b.start).date);
      },
      (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setError(errorMessage(e))),
    );
    loadEmployees().then(setEmployees, () => undefined);
  }, [id]);

  async function change(to: BookingStatus) {
    if (!booking) return;
    if (to === "cancelled" && !confirm(`Cancel ${booking.serviceName} on ${formatLocal(booking.start)}? The customer is told, and the time is free again.`)) return;
    setBusy(true);
    setStatusErrors(null);
    setDone(null);
    try {
      const saved = to === "cancelled"
        ? await api<Booking>("DELETE", `/api/bookings/${booking.id}`)
        : await api<Booking>("PATCH", `/api/bookings/${booking.id}`, { status: to });
      show(saved);
      setDone(`The booking is now ${statusNames[saved.status].toLowerCase()}.`);
    } catch (e) {
      const problems = fieldErrors(e);
      setStatusErrors(problems.status ?? problems.id ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function move(event: Event) {
    event.preventDefault();
    if (!booking) return;
    if (!start) {
      setMoveErrors({ start: "Choose a free time." });
      return;
    }
    setBusy(true);
    setMoveErrors({});
    setDone(null);
    try {
      const saved = await api<Booking>("PATCH", `/api/bookings/${booking.id}`, { start });
      show(saved);
      setStart("");
      setReload((n) => n + 1);
      setDone(`Moved to ${formatLocal(saved.start)}.`);
    } catch (e) {
      const problems = fieldErrors(e);
      setMoveErrors(Object.keys(problems).length ? problems : { start: errorMessage(e) });
      setStart("");
      setReload((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  async function saveNotes(event: Event) {
    event.preventDefault();
    if (!booking) return;
    setNotesError(undefined);
    setDone(null);
    try {
      show(await api<Booking>("PATCH", `/api/bookings/${booking.id}`, { notes }));
      setDone("Notes saved.");
    } catch (e) {
      setNotesError(fieldErrors(e).notes ?? errorMessage(e));
    }
  }

  if (missing) {
    return (
      <section class="page" aria-labelledby="booking-title">
        <h1 id="booking-title">No such booking</h1>
        <p><a href="/bookings">Back to the bookings</a></p>
      </section>
    );
  }

  if (!booking) {
    return (
      <section class="page" aria-labelledby="booking-title">
        <h1 id="booking-title">Booking</h1>
        {error ? <div class="form-error" role="alert">{error}</div> : <p role="status">Loading…</p>}
      </section>
    );
  }

  const staff = booking.staffId ? employees.find((e) => e.id === booking.staffId)?.displayName ?? "Someone" : "Anyone (no one in particular)";
  const actions = nextStatuses(booking.status);
  const week = mondayOf(localParts(booking.start).date);

  return (
    <section class="page" aria-labelledby="booking-title">
      <p class="breadcrumb"><a href={`/bookings${query({ week })}`}>← Bookings of that week</a></p>
      <h1 id="booking-title">{booking.serviceName} for {booking.customerName || "a customer"}</h1>
      <Status text={done} />
      <div class="record-columns">
        <div class="record-main">
          <section class="card" aria-labelledby="booking-details-title">
            <h2 id="booking-details-title">Details</h2>
            <dl class="facts">
              <dt>When</dt><dd><time dateTime={booking.start} data-testid="booking-when">{formatLocal(booking.start)}–{localParts(booking.end).time}</time> <span class="meta">({booking.timeZone})</span></dd>
              <dt>Length</dt><dd>{minutesText(minutesBetween(booking.start, booking.end))}</dd>
              <dt>Customer</dt><dd><a href={`/customers/${booking.customerId}`}>{booking.customerName || "Customer"}</a></dd>
              <dt>Staff</dt><dd>{staff}</dd>
              <dt>Status</dt><dd><span class={`status-chip status-${booking.status}`} data-testid="booking-status">{statusNames[booking.status]}</span></dd>
            </dl>
            <div role="group" aria-labelledby="booking-actions-label" class="status-actions">
              <p id="booking-actions-label" class="field-label">Change the status</p>
              {actions.length === 0 ? (
                <p class="meta">A {statusNames[booking.status].toLowerCase()} booking is final. A cancelled time can be booked again as a new booking.</p>
              ) : (
                <div class="actions">
                  {actions.map((to) => (
                    <button key={to} type="button" class={to === "cancelled" ? "danger" : to === "no_show" ? "secondary" : "primary"} disabled={busy} onClick={() => void change(to)}
                      aria-describedby={statusErrors ? "booking-status-error" : undefined}>
                      {actionNames[to]}
                    </button>
                  ))}
                </div>
              )}
              {statusErrors && <p class="error" id="booking-status-error" role="alert">{statusErrors}</p>}
            </div>
          </section>

          {isOpenBooking(booking.status) && (
            <form class="card" onSubmit={move} noValidate aria-labelledby="reschedule-title">
              <h2 id="reschedule-title">Reschedule</h2>
              <SlotPicker serviceId={booking.serviceId} staffId={booking.staffId} date={date} onDate={(d) => { setDate(d); setStart(""); }}
                value={start} onChange={setStart} error={moveErrors.start ?? moveErrors.status ?? moveErrors.staffId} reload={reload} />
              <button type="submit" class="secondary" disabled={busy}>{start ? `Move to ${formatLocal(start)}` : "Move booking"}</button>
            </form>
          )}
        </div>
        <div class="record-side">
          <form class="card" onSubmit={saveNotes} noValidate aria-labelledby="booking-notes-title">
            <h2 id="booking-notes-title">Notes</h2>
            <InputField label="Notes for the team" name="notes" multiline rows={3} value={notes} onInput={setNotes} error={notesError} maxLength={2000} />
            <button type="submit" class="secondary">Save notes</button>
          </form>
          <section class="card" aria-labelledby="booking-history-title">
            <h2 id="booking-history-title">History</h2>
            {history.length === 0 ? (
              <p class="meta">Nothing yet.</p>
            ) : (
              <ol class="plain-list history">
                {history.map((h, i) => (
                  <li key={i}>
                    <time dateTime={h.at}>{formatInstant(h.at)}</time>{" · "}
                    {h.change === "status" && h.toStatus ? `${statusNames[h.fromStatus as BookingStatus] ?? h.fromStatus} → ${statusNames[h.toStatus as BookingStatus] ?? h.toStatus}`
                      : h.change === "rescheduled" && h.start ? `moved to ${formatLocal(h.start)}`
                      : h.change === "created" ? `made${h.toStatus ? ` (${statusNames[h.toStatus as BookingStatus]?.toLowerCase() ?? h.toStatus})` : ""}`
                      : h.change}
                    <span class="meta"> by {h.employeeId ? employees.find((e) => e.id === h.employeeId)?.displayName ?? "an employee" : h.actor}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
