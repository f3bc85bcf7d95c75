import { useEffect, useId, useState } from "preact/hooks";
import { get, post, query } from "../api";
import { navigate, queryParam } from "../router";
import {
  customerLabel, errorMessage, fieldErrors, formatLocal, formatMoney, isDate, loadEmployees, localParts, minutesText, mondayOf, today,
} from "../components/records";
import { InputField, SelectField, VipBadge } from "../components/RecordFields";
import { SlotPicker } from "../components/SlotPicker";
import type { Booking, Customer, CustomerPage, EmployeeProfile, Service } from "../types";

/** A booking made by an employee: a service, a customer, and one of the free slots of a date. */
export function NewBookingPage() {
  const searchId = useId();
  const [services, setServices] = useState<Service[] | null>(null);
  const [employees, setEmployees] = useState<EmployeeProfile[]>([]);
  const [serviceId, setServiceId] = useState(queryParam("serviceId") ?? "");
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [search, setSearch] = useState("");
  const [matches, setMatches] = useState<Customer[] | null>(null);
  const [staffId, setStaffId] = useState("");
  const requested = queryParam("date");
  const [date, setDate] = useState(isDate(requested) && requested >= today() ? requested : today());
  const [start, setStart] = useState("");
  const [status, setStatus] = useState<"confirmed" | "pending">("confirmed");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    get<Service[]>("/api/services").then(
      (all) => {
        const active = all.filter((s) => s.isActive);
        setServices(active);
        setServiceId((current) => (active.some((s) => s.id === current) ? current : active[0]?.id ?? ""));
      },
      (e) => setError(errorMessage(e)),
    );
    loadEmployees().then(setEmployees, () => undefined);
    const customerId = queryParam("customerId");
    if (customerId) get<Customer>(`/api/customers/${customerId}`).then(setCustomer, () => undefined);
  }, []);

  // Customers matching what the agent types, a moment after they stop typing.
  useEffect(() => {
    const text = search.trim();
    if (!text) {
      setMatches(null);
      return;
    }
    const timer = setTimeout(() => {
      get<CustomerPage>(`/api/customers${query({ search: text, limit: 8 })}`).then((page) => setMatches(page.items), () => setMatches([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const service = services?.find((s) => s.id === serviceId) ?? null;
  const performers = service ? employees.filter((e) => service.employeeIds.includes(e.id)) : [];

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    const local: Record<string, string> = {};
    if (!serviceId) local.serviceId = "Choose a service.";
    if (!customer) local.customerId = "Choose a customer.";
    if (!start) local.start = "Choose a free time.";
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const booking = await post<Booking>("/api/bookings", {
        serviceId, customerId: customer!.id, staffId: staffId || undefined, start, status, notes: notes.trim() || undefined,
      });
      navigate(`/bookings${query({ week: mondayOf(localParts(booking.start).date), booked: booking.id })}`);
    } catch (e) {
      const problems = fieldErrors(e);
      setErrors(problems);
      setError(errorMessage(e));
      if (problems.start) {
        setStart("");
        setReload((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page" aria-labelledby="new-booking-title">
      <p class="breadcrumb"><a href="/bookings">← Bookings</a></p>
      <h1 id="new-booking-title">New booking</h1>
      <form class="card settings-form booking-form" onSubmit={submit} noValidate aria-labelledby="new-booking-title">
        {error && <div class="form-error" role="alert">{error}</div>}
        {services !== null && services.length === 0 ? (
          <p class="notice">There is no active service to book. <a href="/services">Add a service</a> first.</p>
        ) : (
          <SelectField label="Service" name="serviceId" value={serviceId} error={errors.serviceId}
            onChange={(id) => { setServiceId(id); setStart(""); setStaffId(""); }}
            options={(services ?? []).map((s): [string, string] => [s.id, `${s.name} · ${minutesText(s.durationMinutes)} · ${s.priceMinor ? formatMoney(s.priceMinor, s.currency) : "free"}`])} />
        )}

        <fieldset class="plain customer-picker" aria-describedby={errors.customerId ? `${searchId}-error` : undefined}>
          <legend class="section-legend">Customer</legend>
          {customer ? (
            <p class="chosen-customer">
              <strong data-testid="chosen-customer">{customerLabel(customer)}</strong> {customer.isVip && <VipBadge />}
              <span class="meta"> {customer.phone ?? (customer.waId ? `+${customer.waId}` : "")}</span>{" "}
              <button type="button" class="link-button" onClick={() => setCustomer(null)}>Change<span class="visually-hidden"> customer</span></button>
            </p>
          ) : (
            <>
              <div class="field">
                <label for={searchId}>Find a customer</label>
                <input id={searchId} type="search" value={search} placeholder="Name, phone or e-mail" autoComplete="off"
                  aria-invalid={errors.customerId ? true : undefined} aria-describedby={errors.customerId ? `${searchId}-error` : undefined}
                  onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
              </div>
              {matches !== null && (
                matches.length === 0 ? (
                  <p class="meta">No customer matches. <a href="/customers/new">Add a new customer</a></p>
                ) : (
                  <ul class="plain-list customer-matches" aria-label="Matching customers">
                    {matches.map((c) => (
                      <li key={c.id}>
                        <button type="button" class="secondary" onClick={() => { setCustomer(c); setSearch(""); }}>
                          Choose {customerLabel(c)}<span class="meta"> {c.phone ?? (c.waId ? `+${c.waId}` : c.email ?? "")}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )
              )}
            </>
          )}
          {errors.customerId && <p class="error" id={`${searchId}-error`}>{errors.customerId}</p>}
        </fieldset>

        {performers.length > 0 && (
          <SelectField label="Staff" name="staffId" value={staffId} error={errors.staffId} onChange={(id) => { setStaffId(id); setStart(""); }}
            options={[["", "Anyone free"], ...performers.map((e): [string, string] => [e.id, e.displayName])]} />
        )}

        <SlotPicker serviceId={serviceId} staffId={staffId || null} date={date} onDate={(d) => { setDate(d); setStart(""); }}
          value={start} onChange={setStart} error={errors.start} reload={reload} />

        <fieldset class="segmented">
          <legend>Status</legend>
          <label><input type="radio" name="status" checked={status === "confirmed"} onChange={() => setStatus("confirmed")} /> Confirmed</label>
          <label><input type="radio" name="status" checked={status === "pending"} onChange={() => setStatus("pending")} /> Pending (to confirm later)</label>
          {errors.status && <p class="error">{errors.status}</p>}
        </fieldset>
        <InputField label="Notes (optional)" name="notes" multiline rows={2} value={notes} onInput={setNotes} error={errors.notes} maxLength={2000} />
        <button type="submit" class="primary" disabled={busy || !services?.length}>
          {busy ? "Booking…" : start ? `Book ${formatLocal(start)}` : "Book"}
        </button>
      </form>
    </section>
  );
}
