import { useEffect, useState } from "preact/hooks";
import { ApiError, api, del, get, post } from "../api";
import { canManageServices } from "../session";
import { navigate } from "../router";
import { currencyDigits, errorMessage, fieldErrors, loadEmployees } from "../components/records";
import { CheckField, InputField, Status } from "../components/RecordFields";
import { HoursEditor, hoursRequest, sortHours } from "../components/HoursEditor";
import type { DateException, EmployeeProfile, Service, WeeklyHours } from "../types";

type Form = {
  name: string; description: string; price: string; currency: string; duration: string; buffer: string; isActive: boolean;
  employeeIds: string[]; ownHours: boolean; weekly: WeeklyHours[]; exceptions: DateException[];
};

const newForm: Form = {
  name: "", description: "", price: "", currency: "EUR", duration: "30", buffer: "0", isActive: true, employeeIds: [], ownHours: false, weekly: [], exceptions: [],
};

function formOf(s: Service): Form {
  const digits = currencyDigits(s.currency);
  return {
    name: s.name, description: s.description, price: (s.priceMinor / 10 ** digits).toFixed(digits), currency: s.currency,
    duration: String(s.durationMinutes), buffer: String(s.bufferMinutes), isActive: s.isActive, employeeIds: s.employeeIds,
    ownHours: s.weeklyHours.length > 0, weekly: sortHours(s.weeklyHours), exceptions: s.exceptions,
  };
}

/** A whole number from a field, or NaN. */
function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** A service to create or edit (with services.manage; others see it read-only). `id` null: a new service. */
export function ServiceEditorPage({ id }: { id: string | null }) {
  const [service, setService] = useState<Service | null>(null);
  const [form, setForm] = useState<Form>(newForm);
  const [employees, setEmployees] = useState<EmployeeProfile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const set = (key: "name" | "description" | "price" | "currency" | "duration" | "buffer") => (value: string) => setForm({ ...form, [key]: value });
  const readOnly = !canManageServices.value;

  useEffect(() => {
    loadEmployees().then((all) => setEmployees(all.filter((e) => e.status === "active")), () => undefined);
    if (!id) return;
    get<Service>(`/api/services/${id}`).then(
      (s) => {
        setService(s);
        setForm(formOf(s));
      },
      (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setError(errorMessage(e))),
    );
  }, [id]);

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const local: Record<string, string> = {};
    const currency = form.currency.trim().toUpperCase();
    const price = Number(form.price.trim().replace(",", "."));
    if (form.price.trim() === "" || !Number.isFinite(price) || price < 0) local.priceMinor = "A price such as 25.00 (0 for free).";
    const duration = whole(form.duration);
    if (Number.isNaN(duration)) local.durationMinutes = "Required: 5 to 1440 minutes.";
    const buffer = form.buffer.trim() === "" ? 0 : whole(form.buffer);
    if (Number.isNaN(buffer)) local.bufferMinutes = "0 to 1440 minutes.";
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const body = {
      name: form.name.trim(),
      description: form.description.trim(),
      priceMinor: Math.round(price * 10 ** currencyDigits(/^[A-Z]{3}$/.test(currency) ? currency : "EUR")),
      currency,
      durationMinutes: duration,
      bufferMinutes: buffer,
      isActive: form.isActive,
      employeeIds: form.employeeIds,
      ...hoursRequest(form.ownHours ? form.weekly : [], form.exceptions),
    };
    setErrors({});
    setBusy(true);
    try {
      if (id) {
        const saved = await api<Service>("PATCH", `/api/services/${id}`, body);
        setService(saved);
        setForm(formOf(saved));
        setStatus("Service saved.");
      } else {
        const created = await post<Service>("/api/services", body);
        navigate(`/services/${created.id}?created=1`, { replace: true });
      }
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!service || !confirm(`Delete the service ${service.name}?`)) return;
    try {
      await del(`/api/services/${service.id}`);
      navigate("/services");
    } catch (e) {
      setErrors({ id: fieldErrors(e).id ?? errorMessage(e) });
    }
  }

  if (missing) {
    return (
      <section class="page" aria-labelledby="service-title">
        <h1 id="service-title">No such service</h1>
        <p><a href="/services">Back to the services</a></p>
      </section>
    );
  }

  if (id && !service) {
    return (
      <section class="page" aria-labelledby="service-title">
        <h1 id="service-title">Service</h1>
        {error ? <div class="form-error" role="alert">{error}</div> : <p role="status">Loading…</p>}
      </section>
    );
  }

  const created = new URLSearchParams(window.location.search).has("created");

  return (
    <section class="page" aria-labelledby="service-title">
      <p class="breadcrumb"><a href="/services">← Services</a></p>
      <h1 id="service-title">{service ? service.name : "New service"}</h1>
      <Status text={status ?? (created && service ? "Service created." : null)} />
      <form class="card settings-form service-form" onSubmit={save} noValidate aria-labelledby="service-title">
        {error && <div class="form-error" role="alert">{error}</div>}
        <fieldset class="plain" disabled={readOnly}>
          <InputField label="Name" name="name" value={form.name} onInput={set("name")} error={errors.name} required maxLength={200} />
          <InputField label="Description" name="description" multiline rows={3} value={form.description} onInput={set("description")} error={errors.description}
            hint="What the assistant and your team tell customers about it." />
          <div class="field-row">
            <InputField label="Price" name="price" inputMode="decimal" value={form.price} onInput={set("price")} error={errors.priceMinor} required placeholder="25.00" />
            <InputField label="Currency" name="currency" value={form.currency} onInput={set("currency")} error={errors.currency} required maxLength={3} hint="ISO code, e.g. EUR." />
          </div>
          <div class="field-row">
            <InputField label="Duration (minutes)" name="durationMinutes" type="number" min={5} max={1440} step={5} value={form.duration} onInput={set("duration")} error={errors.durationMinutes} required />
            <InputField label="Buffer after (minutes)" name="bufferMinutes" type="number" min={0} max={1440} step={5} value={form.buffer} onInput={set("buffer")} error={errors.bufferMinutes}
              hint="Kept free after each booking." />
          </div>
          <CheckField label="Active (can be booked)" name="isActive" checked={form.isActive} onChange={(isActive) => setForm({ ...form, isActive })} error={errors.isActive} />

          <fieldset class="plain performers" aria-describedby="performers-hint">
            <legend class="section-legend">Performed by</legend>
            <p class="hint" id="performers-hint">Nobody ticked: anyone, one booking at a time. Each person ticked takes their own bookings.</p>
            {employees.map((e) => (
              <CheckField
                key={e.id}
                label={e.displayName}
                checked={form.employeeIds.includes(e.id)}
                onChange={(on) => setForm({ ...form, employeeIds: on ? [...form.employeeIds, e.id] : form.employeeIds.filter((x) => x !== e.id) })}
              />
            ))}
            {errors.employeeIds && <p class="error">{errors.employeeIds}</p>}
          </fieldset>

          <fieldset class="segmented stacked">
            <legend>Hours</legend>
            <label><input type="radio" name="ownHours" checked={!form.ownHours} onChange={() => setForm({ ...form, ownHours: false })} /> The business's opening hours</label>
            <label><input type="radio" name="ownHours" checked={form.ownHours} onChange={() => setForm({ ...form, ownHours: true, weekly: form.weekly.length ? form.weekly : [] })} /> Its own weekly hours</label>
          </fieldset>
        </fieldset>
        <HoursEditor
          weekly={form.weekly}
          exceptions={form.exceptions}
          onChange={(weekly, exceptions) => setForm({ ...form, weekly, exceptions })}
          errors={errors}
          disabled={readOnly}
          hideWeekly={!form.ownHours}
          emptyWeekHint="A day without hours is closed for this service. Without any hours, the service uses the business's hours."
        />
        {readOnly ? (
          <p class="meta">Your role may read services but not change them.</p>
        ) : (
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : id ? "Save service" : "Create service"}</button>
            {service && <button type="button" class="danger" onClick={() => void remove()}>Delete service</button>}
          </div>
        )}
        {errors.id && <p class="error" role="alert">{errors.id}</p>}
      </form>
    </section>
  );
}
