import { useEffect, useState } from "preact/hooks";
import { api, get, post, query } from "../api";
import { subscribe } from "../live";
import { employee } from "../session";
import {
  customerLabel, errorMessage, fieldErrors, formatInstant, formatLocal, formatMoney, isOpenBooking, learnZone, loadEmployees, statusNames,
} from "./records";
import { InputField, TagList, VipBadge } from "./RecordFields";
import type { Booking, Customer, CustomerPanelView, EmployeeProfile, InternalNote } from "../types";

type Props = {
  conversationId: string;
  onClose: () => void;
};

/**
 * Beside the chat: who the customer is (VIP, tags), their upcoming bookings at the business's local time,
 * what they have spent, and the team's internal notes on this conversation.
 */
export function CustomerPanel({ conversationId, onClose }: Props) {
  const [panel, setPanel] = useState<CustomerPanelView | null>(null);
  const [upcoming, setUpcoming] = useState<Booking[] | null>(null);
  const [notes, setNotes] = useState<InternalNote[] | null>(null);
  const [employees, setEmployees] = useState<EmployeeProfile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [vipError, setVipError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  // Colleagues to notify about the note (@mentions): they get it in their notifications.
  const [mentions, setMentions] = useState<string[]>([]);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      const view = await get<CustomerPanelView>(`/api/conversations/${conversationId}/customer`);
      setPanel(view);
      setError(null);
      if (view.customer) {
        const now = new Date();
        const bookings = await get<Booking[]>(`/api/bookings${query({
          customerId: view.customer.id, from: now.toISOString(), to: new Date(now.getTime() + 365 * 24 * 3600 * 1000).toISOString(),
        })}`);
        learnZone(bookings[0]?.timeZone);
        setUpcoming(bookings.filter((b) => isOpenBooking(b.status)));
      } else {
        setUpcoming([]);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function loadNotes() {
    try {
      setNotes(await get<InternalNote[]>(`/api/notes${query({ conversationId })}`));
    } catch {
      setNotes([]);
    }
  }

  useEffect(() => {
    setPanel(null);
    setUpcoming(null);
    setNotes(null);
    void load();
    void loadNotes();
    loadEmployees().then(setEmployees, () => undefined);
  }, [conversationId]);

  useEffect(() => subscribe({ resync: () => { void load(); void loadNotes(); } }), [conversationId]);

  async function toggleVip(customer: Customer) {
    setVipError(null);
    try {
      const saved = await api<Customer>("PATCH", `/api/customers/${customer.id}`, { isVip: !customer.isVip });
      setPanel((p) => (p ? { ...p, customer: saved } : p));
    } catch (e) {
      setVipError(errorMessage(e));
    }
  }

  async function addNote(event: Event) {
    event.preventDefault();
    setNoteError(undefined);
    if (!note.trim()) {
      setNoteError("Write the note first.");
      return;
    }
    setBusy(true);
    try {
      const added = await post<InternalNote>("/api/notes", { conversationId, body: note.trim(), mentions });
      setNotes((current) => [...(current ?? []), added]);
      setNote("");
      setMentions([]);
    } catch (e) {
      setNoteError(fieldErrors(e).body ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const customer = panel?.customer ?? null;
  const name = (id: string) => employees.find((e) => e.id === id)?.displayName ?? "A colleague";
  const colleagues = employees.filter((e) => e.id !== employee.value?.id && e.status === "active");

  return (
    <aside class="customer-panel" id="customer-panel" aria-labelledby="customer-panel-title" data-testid="customer-panel">
      <div class="panel-header">
        <h2 id="customer-panel-title" tabIndex={-1}>Customer</h2>
        <button type="button" class="secondary small" onClick={onClose}>Hide<span class="visually-hidden"> the customer panel</span></button>
      </div>
      {error && <div class="form-error" role="alert">{error}</div>}
      {!panel && !error && <p class="meta">Loading…</p>}
      {panel && !customer && <p class="meta">This customer's personal data was erased.</p>}
      {customer && (
        <>
          <section class="panel-section" aria-label="Profile">
            <p class="panel-name">
              <a href={`/customers/${customer.id}`}>{customerLabel(customer)}</a> {customer.isVip && <VipBadge />}
            </p>
            <p class="meta">{[customer.phone ?? (customer.waId ? `+${customer.waId}` : null), customer.email].filter(Boolean).join(" · ")}</p>
            <TagList tags={customer.tags} />
            <button type="button" class="secondary small" aria-pressed={customer.isVip} onClick={() => void toggleVip(customer)}>
              VIP customer
            </button>
            {vipError && <p class="error" role="alert">{vipError}</p>}
            {panel!.lifetimeValue.length > 0 && (
              <p class="meta">Spent: {panel!.lifetimeValue.map((v) => formatMoney(v.amountMinor, v.currency)).join(" + ")}</p>
            )}
            <p class="meta">Customer since {formatInstant(customer.firstSeenAt ?? customer.createdAt)}</p>
          </section>

          <section class="panel-section" aria-labelledby="panel-bookings-title">
            <h3 id="panel-bookings-title">Upcoming bookings</h3>
            {upcoming === null ? (
              <p class="meta">Loading…</p>
            ) : upcoming.length === 0 ? (
              <p class="meta">None.</p>
            ) : (
              <ul class="plain-list booking-rows" data-testid="upcoming-bookings">
                {upcoming.map((b) => (
                  <li key={b.id}>
                    <a href={`/bookings/${b.id}`}>{b.serviceName}</a>
                    <div><time dateTime={b.start}>{formatLocal(b.start)}</time> <span class={`status-chip status-${b.status}`}>{statusNames[b.status]}</span></div>
                  </li>
                ))}
              </ul>
            )}
            <a class="button secondary small" href={`/bookings/new${query({ customerId: customer.id })}`}>Book<span class="visually-hidden"> an appointment for {customerLabel(customer)}</span></a>
          </section>

          {panel!.handledBy.length > 0 && (
            <section class="panel-section" aria-labelledby="panel-handled-title">
              <h3 id="panel-handled-title">Handled by</h3>
              <p>{panel!.handledBy.map(name).join(", ")}</p>
            </section>
          )}
        </>
      )}

      <section class="panel-section" aria-labelledby="panel-notes-title">
        <h3 id="panel-notes-title">Internal notes{notes ? ` (${notes.length})` : ""}</h3>
        {notes && notes.length === 0 && <p class="meta">No notes yet. Only your team sees them.</p>}
        {notes && notes.length > 0 && (
          <ul class="plain-list notes" data-testid="notes">
            {notes.map((n) => (
              <li key={n.id}>
                <p class="note-body">{n.body}</p>
                {n.mentions.length > 0 && <p class="meta mentions">Mentioned: {n.mentions.map((id) => `@${name(id)}`).join(", ")}</p>}
                <p class="meta">{name(n.authorId)} · {formatInstant(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addNote} noValidate>
          <InputField label="Add a note" name="note" multiline rows={2} value={note} onInput={setNote} error={noteError} maxLength={10_000} />
          {colleagues.length > 0 && (
            <div class="mention-picker" role="group" aria-label="Mention colleagues">
              <span class="meta">Mention:</span>
              {colleagues.map((c) => {
                const on = mentions.includes(c.id);
                return (
                  <button
                    key={c.id}
                    type="button"
                    class={on ? "chip selected" : "chip"}
                    aria-pressed={on}
                    onClick={() => setMentions((current) => (on ? current.filter((id) => id !== c.id) : [...current, c.id]))}
                  >
                    @{c.displayName}
                  </button>
                );
              })}
            </div>
          )}
          <button type="submit" class="secondary small" disabled={busy}>Save note</button>
        </form>
      </section>
    </aside>
  );
}
