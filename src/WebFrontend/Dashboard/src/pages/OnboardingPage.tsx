import { useEffect, useRef, useState } from "preact/hooks";
import { get, post } from "../api";
import { Field, FormError, Select } from "../components/Field";
import { WhatsAppNumberForm } from "../components/WhatsAppNumberForm";
import { TestMessageForm } from "../components/TestMessageForm";
import { currencyDigits, errorMessage, fieldErrors, formatMoney } from "../components/records";
import { completeOnboarding } from "../onboarding";
import { navigate } from "../router";
import { employee } from "../session";
import type { EmployeeProfile, Service, WhatsAppChannel } from "../types";

const steps = ["Connect WhatsApp", "Add your services", "Invite your team"] as const;

type StepState = "done" | "skipped" | "current" | "todo";

/**
 * The getting-started steps after signing up: connect a number, add services, invite the team. Each step can be
 * skipped; the settings offer the steps again until they are finished.
 */
export function OnboardingPage() {
  const [step, setStep] = useState(0);
  const [outcomes, setOutcomes] = useState<("done" | "skipped" | null)[]>([null, null, null]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the new step's heading.
  useEffect(() => heading.current?.focus(), [step]);

  async function leave(outcome: "done" | "skipped") {
    const next = outcomes.map((o, i) => (i === step ? outcome : o));
    setOutcomes(next);
    if (step < steps.length - 1) {
      setStep(step + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await completeOnboarding();
      navigate("/inbox");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const state = (i: number): StepState => (i === step ? "current" : outcomes[i] ?? "todo");
  const last = step === steps.length - 1;

  return (
    <section class="page onboarding" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">Set up your business</h1>
      <p class="lead">Three steps to start answering customers. Skip any of them and come back later from Settings → Get started.</p>
      <ol class="steps" aria-label="Progress">
        {steps.map((name, i) => (
          <li key={name} class={state(i)} aria-current={i === step ? "step" : undefined}>
            <span class="step-number" aria-hidden="true">{i + 1}</span>
            <span>{name}</span>
            <span class="visually-hidden">{` — ${{ done: "done", skipped: "skipped", current: "current step", todo: "to do" }[state(i)]}`}</span>
          </li>
        ))}
      </ol>
      <p class="meta" data-testid="step-counter">Step {step + 1} of {steps.length}</p>
      <h2 ref={heading} tabIndex={-1} class="step-title">{steps[step]}</h2>
      {step === 0 && <WhatsAppStep />}
      {step === 1 && <ServicesStep />}
      {step === 2 && <TeamStep />}
      <FormError error={error} />
      <div class="step-actions">
        {step > 0 && <button type="button" class="secondary" onClick={() => setStep(step - 1)}>Back</button>}
        <button type="button" class="secondary" onClick={() => void leave("skipped")} disabled={busy}>Skip this step</button>
        <button type="button" class="primary" onClick={() => void leave("done")} disabled={busy}>{last ? (busy ? "Finishing…" : "Finish setup") : "Continue"}</button>
      </div>
    </section>
  );
}

function WhatsAppStep() {
  const [channels, setChannels] = useState<WhatsAppChannel[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => get<WhatsAppChannel[]>("/api/settings/whatsapp").then(setChannels, (e) => setError(errorMessage(e)));
  useEffect(() => void load(), []);
  const origin = window.location.origin;

  return (
    <div class="step-body">
      <p>Connect the number your customers write to, with the credentials of Meta's WhatsApp Cloud API or of Twilio.</p>
      <FormError error={error} />
      {status && <p class="notice" role="status">{status}</p>}
      {channels && channels.length > 0 && (
        <ul class="plain-list" data-testid="onboarding-channels">
          {channels.map((c) => <li key={c.id}>{c.displayPhoneNumber || c.address} — {c.provider === "meta" ? "Meta Cloud API" : "Twilio"}</li>)}
        </ul>
      )}
      {channels && <TestMessageForm channels={channels} />}
      <WhatsAppNumberForm
        title="Connect a number"
        onSaved={async (saved) => {
          setStatus(`Connected ${saved.displayPhoneNumber || saved.address}.`);
          await load();
        }}
      />
      <div class="card">
        <h3>Then tell the provider where to deliver messages</h3>
        <dl class="facts">
          <dt>Meta webhook URL</dt><dd><code>{origin}/api/webhook/whatsapp</code> (with the verify token above)</dd>
          <dt>Twilio webhook URL</dt><dd><code>{origin}/api/webhook/twilio</code></dd>
        </dl>
        <p class="hint">To try it, send a WhatsApp message to the number from your phone: it appears in the Inbox, where you can answer it.</p>
      </div>
    </div>
  );
}

function ServicesStep() {
  const [services, setServices] = useState<Service[] | null>(null);
  const [form, setForm] = useState({ name: "", price: "", currency: "EUR", duration: "30" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const load = () => get<Service[]>("/api/services").then(setServices, (e) => setError(errorMessage(e)));
  useEffect(() => void load(), []);

  async function add(event: Event) {
    event.preventDefault();
    setErrors({});
    setError(null);
    setStatus(null);
    const currency = form.currency.trim().toUpperCase();
    const price = Number(form.price.trim().replace(",", "."));
    const duration = Number(form.duration.trim());
    const local: Record<string, string> = {};
    if (form.price.trim() === "" || !Number.isFinite(price) || price < 0) local.priceMinor = "A price such as 25.00 (0 for free).";
    if (!Number.isInteger(duration)) local.durationMinutes = "Whole minutes, e.g. 30.";
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const created = await post<Service>("/api/services", {
        name: form.name.trim(),
        description: "",
        priceMinor: Math.round(price * 10 ** currencyDigits(/^[A-Z]{3}$/.test(currency) ? currency : "EUR")),
        currency,
        durationMinutes: duration,
      });
      setStatus(`Added ${created.name}.`);
      setForm({ ...form, name: "", price: "" });
      await load();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="step-body">
      <p>What customers can book. The assistant offers these in the chat; you can add opening hours and staff later under Services.</p>
      {services && (
        <ul class="plain-list" data-testid="onboarding-services">
          {services.map((s) => <li key={s.id}>{s.name} — {formatMoney(s.priceMinor, s.currency)}, {s.durationMinutes} min</li>)}
        </ul>
      )}
      {status && <p class="notice" role="status">{status}</p>}
      <form class="card settings-form" onSubmit={add} noValidate aria-labelledby="add-service-title">
        <h3 id="add-service-title">Add a service</h3>
        <FormError error={error} />
        <Field label="Service name" name="name" value={form.name} onInput={set("name")} error={errors.name} required />
        <Field label="Price" name="price" value={form.price} onInput={set("price")} error={errors.priceMinor} required placeholder="25.00" />
        <Field label="Currency" name="currency" value={form.currency} onInput={set("currency")} error={errors.currency} required hint="ISO code, e.g. EUR." />
        <Field label="Duration in minutes" name="durationMinutes" type="number" value={form.duration} onInput={set("duration")} error={errors.durationMinutes} required />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Adding…" : "Add service"}</button>
      </form>
    </div>
  );
}

function TeamStep() {
  const [people, setPeople] = useState<EmployeeProfile[] | null>(null);
  const [form, setForm] = useState({ email: "", role: "agent" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => get<EmployeeProfile[]>("/api/employees").then(setPeople, (e) => setError(errorMessage(e)));
  useEffect(() => void load(), []);

  async function invite(event: Event) {
    event.preventDefault();
    setErrors({});
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      await post("/api/employees", { email: form.email.trim(), role: form.role });
      setStatus(`Invitation sent to ${form.email.trim()}.`);
      setForm({ ...form, email: "" });
      await load();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="step-body">
      <p>Each person gets an e-mail with a link to join. Agents answer customers; admins also change the settings.</p>
      {people && (
        <ul class="plain-list" data-testid="onboarding-team">
          {people.map((p) => <li key={p.id}>{p.email} — {p.role}, {p.status}{p.id === employee.value?.id ? " (you)" : ""}</li>)}
        </ul>
      )}
      {status && <p class="notice" role="status">{status}</p>}
      <form class="card settings-form" onSubmit={invite} noValidate aria-labelledby="invite-title">
        <h3 id="invite-title">Invite someone</h3>
        <FormError error={error} />
        <Field label="E-mail" name="email" type="email" value={form.email} onInput={(email) => setForm({ ...form, email })} error={errors.email} required />
        <Select label="Role" name="role" value={form.role} onChange={(role) => setForm({ ...form, role })} options={[["agent", "Agent"], ["admin", "Admin"], ["viewer", "Viewer"]]} />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Sending…" : "Send invitation"}</button>
      </form>
    </div>
  );
}
