import { useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { Field, FormError } from "../components/Field";
import { login } from "../session";

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function SignUpPage() {
  const [form, setForm] = useState({ businessName: "", ownerName: "", email: "", password: "", timeZone: browserTimeZone });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await post("/api/businesses", { ...form, email: form.email.trim() }, { anonymous: true });
      // Signed in: the app moves on to connecting WhatsApp (App.tsx).
      await login(form.email.trim(), form.password);
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.fromEntries(Object.entries(e.problem.errors ?? {}).map(([k, v]) => [k, v.join(" ")]));
        setErrors(fields);
        setError(e.problem.detail ? `${e.message} ${e.problem.detail}` : e.message);
      } else {
        setError(String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your business account</h1>
      <form onSubmit={submit} noValidate>
        <FormError error={error} />
        <Field label="Business name" name="businessName" value={form.businessName} onInput={set("businessName")} error={errors.businessName} required autoFocus autoComplete="organization" />
        <Field label="Your name" name="ownerName" value={form.ownerName} onInput={set("ownerName")} error={errors.ownerName} required autoComplete="name" />
        <Field label="E-mail" name="email" type="email" value={form.email} onInput={set("email")} error={errors.email} required autoComplete="username" />
        <Field label="Password" name="password" type="password" value={form.password} onInput={set("password")} error={errors.password} required autoComplete="new-password" hint="At least 10 characters." />
        <Field label="Time zone" name="timeZone" value={form.timeZone} onInput={set("timeZone")} error={errors.timeZone} required hint="IANA name, e.g. Europe/Madrid." />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
      </form>
      <p class="aside">Already have an account? <a href="/login">Log in</a></p>
    </section>
  );
}
