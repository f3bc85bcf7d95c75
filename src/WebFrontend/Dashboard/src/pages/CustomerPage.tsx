import { useEffect, useState } from "preact/hooks";
import { ApiError, api, del, get, post, query } from "../api";
import { canManage } from "../session";
import { navigate } from "../router";
import { formatWhen, preview } from "../format";
import {
  customerLabel, downloadFile, errorMessage, fieldErrors, formatInstant, formatLocal, learnZone, statusNames,
} from "../components/records";
import { CheckField, InputField, Status, TagList, VipBadge } from "../components/RecordFields";
import type { Booking, Conversation, ConversationPage, Customer, InternalNote } from "../types";

type Form = { name: string; phone: string; region: string; email: string; waId: string; tags: string; isVip: boolean; attributes: string };

const emptyForm: Form = { name: "", phone: "", region: "", email: "", waId: "", tags: "", isVip: false, attributes: "" };

function formOf(c: Customer): Form {
  const attributes = c.attributes && Object.keys(c.attributes).length ? JSON.stringify(c.attributes, null, 2) : "";
  return { name: c.name ?? "", phone: c.phone ?? "", region: "", email: c.email ?? "", waId: c.waId ?? "", tags: c.tags.join(", "), isVip: c.isVip, attributes };
}

/** The request body: every field sent ("" clears it), tags split on commas, attributes parsed. */
function bodyOf(form: Form, errors: Record<string, string>): Record<string, unknown> | null {
  let attributes: unknown = {};
  if (form.attributes.trim()) {
    try {
      attributes = JSON.parse(form.attributes);
    } catch {
      errors.attributes = "Not valid JSON: write an object such as {\"allergies\": \"none\"}.";
    }
    if (!errors.attributes && (typeof attributes !== "object" || attributes === null || Array.isArray(attributes))) {
      errors.attributes = "A JSON object, such as {\"allergies\": \"none\"}.";
    }
  }
  if (Object.keys(errors).length) return null;
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    region: form.region.trim().toUpperCase() || undefined,
    email: form.email.trim(),
    waId: form.waId.trim(),
    tags: form.tags.split(",").map((t) => t.trim()).filter(Boolean),
    isVip: form.isVip,
    attributes,
  };
}

/** One customer: the profile to view and edit, their bookings and conversations. `id` null: a new customer. */
export function CustomerPage({ id }: { id: string | null }) {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  // The team's notes on the customer's conversations, counted there (the record's own count may lag).
  const [notesCounted, setNotesCounted] = useState<number | null>(null);
  const set = (key: keyof Form) => (value: string) => setForm({ ...form, [key]: value });

  useEffect(() => {
    if (!id) return;
    get<Customer>(`/api/customers/${id}`).then(
      (c) => {
        setCustomer(c);
        setForm(formOf(c));
      },
      (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setError(errorMessage(e))),
    );
  }, [id]);

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const problems: Record<string, string> = {};
    const body = bodyOf(form, problems);
    setErrors(problems);
    if (!body) return;
    setBusy(true);
    try {
      if (id) {
        const saved = await api<Customer>("PATCH", `/api/customers/${id}`, body);
        setCustomer(saved);
        setForm(formOf(saved));
        setStatus("Saved.");
      } else {
        const created = await post<Customer>("/api/customers", body);
        navigate(`/customers/${created.id}`);
      }
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!customer || !confirm(`Delete ${customerLabel(customer)}? This cannot be undone.`)) return;
    try {
      await del(`/api/customers/${customer.id}`);
      navigate("/customers");
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function erase() {
    if (!customer || !confirm(`Erase the personal data of ${customerLabel(customer)}, and the contents of their messages? Bookings are kept without their name. This cannot be undone.`)) return;
    try {
      await post(`/api/customers/${customer.id}/erase`);
      const erased = await get<Customer>(`/api/customers/${customer.id}`);
      setCustomer(erased);
      setStatus("The customer's personal data was erased.");
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function exportData() {
    if (!customer) return;
    try {
      await downloadFile(`/api/customers/${customer.id}/export`, `customer-${customer.id}.json`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (missing) {
    return (
      <section class="page" aria-labelledby="customer-title">
        <h1 id="customer-title">No such customer</h1>
        <p><a href="/customers">Back to the customers</a></p>
      </section>
    );
  }

  if (id && !customer) {
    return (
      <section class="page" aria-labelledby="customer-title">
        <h1 id="customer-title">Customer</h1>
        {error ? <div class="form-error" role="alert">{error}</div> : <p role="status">Loading…</p>}
      </section>
    );
  }

  const erased = !!customer?.erasedAt;
  const title = customer ? customerLabel(customer) : "New customer";

  return (
    <section class="page wide-page" aria-labelledby="customer-title">
      <p class="breadcrumb"><a href="/customers">← Customers</a></p>
      <div class="page-header">
        <div class="title-row">
          <h1 id="customer-title">{title}</h1>
          {customer?.isVip && <VipBadge />}
        </div>
        {customer && !erased && <a class="button primary" href={`/bookings/new${query({ customerId: customer.id })}`}>Book an appointment</a>}
      </div>
      {customer && <TagList tags={customer.tags} />}
      <Status text={status} />
      {erased && <p class="notice">This customer's personal data was erased on {formatInstant(customer!.erasedAt)}.</p>}
      <div class="record-columns">
        <form class="card record-form" onSubmit={save} noValidate aria-labelledby="customer-details-title">
          <h2 id="customer-details-title">{id ? "Details" : "Who is the customer?"}</h2>
          {error && <div class="form-error" role="alert">{error}</div>}
          <fieldset class="plain" disabled={erased}>
            <InputField label="Name" name="name" value={form.name} onInput={set("name")} error={errors.name} autoComplete="off" maxLength={200} />
            <InputField label="Phone" name="phone" type="tel" value={form.phone} onInput={set("phone")} error={errors.phone} autoComplete="off"
              hint="With the country code (+34 600 000 000), or in the region below." />
            <InputField label="Region of the phone (optional)" name="region" value={form.region} onInput={set("region")} error={errors.region}
              placeholder="ES" maxLength={2} hint="Two letters; without it, the region of your WhatsApp number." />
            <InputField label="E-mail" name="email" type="email" value={form.email} onInput={set("email")} error={errors.email} autoComplete="off" />
            <InputField label="WhatsApp id" name="waId" value={form.waId} onInput={set("waId")} error={errors.waId} inputMode="numeric"
              hint="The number's digits with the country code, no '+'. Filled in when the customer writes." />
            <InputField label="Tags" name="tags" value={form.tags} onInput={set("tags")} error={errors.tags} hint="Separated by commas, e.g. regular, allergies." />
            <CheckField label="VIP customer" name="isVip" checked={form.isVip} onChange={(isVip) => setForm({ ...form, isVip })} error={errors.isVip} />
            <InputField label="Other details (JSON)" name="attributes" multiline rows={4} value={form.attributes} onInput={set("attributes")} error={errors.attributes}
              hint={'Custom attributes, e.g. from an import: {"allergies": "none"}.'} />
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : id ? "Save changes" : "Create customer"}</button>
          </fieldset>
        </form>
        {customer && (
          <div class="record-side">
            <section class="card" aria-labelledby="customer-facts-title">
              <h2 id="customer-facts-title">At a glance</h2>
              <dl class="facts">
                <dt>Internal notes</dt><dd data-testid="notes-count">{Math.max(customer.notesCount, notesCounted ?? 0)}</dd>
                <dt>First wrote</dt><dd>{formatInstant(customer.firstSeenAt)}</dd>
                <dt>Last wrote</dt><dd>{formatInstant(customer.lastSeenAt)}</dd>
                <dt>Added</dt><dd>{formatInstant(customer.createdAt)}</dd>
              </dl>
            </section>
            <CustomerBookings customerId={customer.id} />
            {customer.waId && <CustomerConversations waId={customer.waId} onNotes={setNotesCounted} />}
            {canManage.value && (
              <section class="card" aria-labelledby="customer-data-title">
                <h2 id="customer-data-title">Data and privacy</h2>
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => void exportData()}>Download their data (JSON)</button>
                  {!erased && <button type="button" class="danger" onClick={() => void erase()}>Erase personal data</button>}
                  <button type="button" class="danger" onClick={() => void remove()}>Delete customer</button>
                </div>
                <p class="hint">A customer with bookings cannot be deleted (the bookings are kept for accounting): erase their data instead.</p>
              </section>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function BookingRows({ bookings }: { bookings: Booking[] }) {
  return (
    <ul class="plain-list booking-rows">
      {bookings.map((b) => (
        <li key={b.id} class={`status-${b.status}`}>
          <a href={`/bookings/${b.id}`}>{b.serviceName}</a>
          <span> · <time dateTime={b.start}>{formatLocal(b.start)}</time></span>
          <span class={`status-chip status-${b.status}`}>{statusNames[b.status]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The customer's bookings of the coming year, and of the past one. */
function CustomerBookings({ customerId }: { customerId: string }) {
  const [upcoming, setUpcoming] = useState<Booking[] | null>(null);
  const [past, setPast] = useState<Booking[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const now = new Date();
    const year = 366 * 24 * 3600 * 1000;
    const range = (from: Date, to: Date) => get<Booking[]>(`/api/bookings${query({ customerId, from: from.toISOString(), to: to.toISOString() })}`);
    Promise.all([range(now, new Date(now.getTime() + year - 60_000)), range(new Date(now.getTime() - year + 60_000), now)]).then(
      ([next, before]) => {
        learnZone(next[0]?.timeZone ?? before[0]?.timeZone);
        setUpcoming(next);
        setPast(before.reverse());
      },
      (e) => setError(errorMessage(e)),
    );
  }, [customerId]);

  return (
    <section class="card" aria-labelledby="customer-bookings-title">
      <h2 id="customer-bookings-title">Bookings</h2>
      {error && <div class="form-error" role="alert">{error}</div>}
      {upcoming === null && !error && <p class="meta">Loading…</p>}
      {upcoming && (
        <>
          <h3>Upcoming</h3>
          {upcoming.length ? <BookingRows bookings={upcoming} /> : <p class="meta">No upcoming bookings.</p>}
          {past.length > 0 && (
            <>
              <h3>Past year</h3>
              <BookingRows bookings={past} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The customer's WhatsApp conversations (one per number they wrote to). */
function CustomerConversations({ waId, onNotes }: { waId: string; onNotes: (count: number) => void }) {
  const [items, setItems] = useState<Conversation[] | null>(null);
  const [notes, setNotes] = useState<Record<string, number>>({});

  useEffect(() => {
    get<ConversationPage>(`/api/conversations${query({ q: waId, limit: 20 })}`).then(
      async (page) => {
        const mine = page.items.filter((c) => c.customer.waId === waId);
        setItems(mine);
        const counts = await Promise.all(
          mine.map((c) => get<InternalNote[]>(`/api/notes${query({ conversationId: c.id })}`).then((n) => [c.id, n.length] as const, () => [c.id, 0] as const)),
        );
        setNotes(Object.fromEntries(counts));
        onNotes(counts.reduce((sum, [, n]) => sum + n, 0));
      },
      () => setItems([]),
    );
  }, [waId]);

  return (
    <section class="card" aria-labelledby="customer-conversations-title">
      <h2 id="customer-conversations-title">Conversations</h2>
      {items === null ? (
        <p class="meta">Loading…</p>
      ) : items.length === 0 ? (
        <p class="meta">No conversation yet.</p>
      ) : (
        <ul class="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              <a href={`/inbox/${c.id}`}>{preview(c.lastMessage) || "Conversation"}</a>
              <span class="meta"> · {formatWhen(c.lastMessageAt)} · {c.status}{notes[c.id] ? ` · ${notes[c.id]} internal note${notes[c.id] === 1 ? "" : "s"}` : ""}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
