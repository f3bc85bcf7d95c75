import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { Field, FormError } from "../components/Field";
import { login } from "../session";

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The app leaves the login page once signed in (App.tsx).
      await login(email.trim(), password);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 401 ? "Wrong e-mail address or password." : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Log in to Conversations</h1>
      <form onSubmit={submit} noValidate>
        <FormError error={error} />
        <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autoComplete="username" required autoFocus />
        <Field label="Password" name="password" type="password" value={password} onInput={setPassword} autoComplete="current-password" required />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Logging in…" : "Log in"}</button>
      </form>
      <p class="aside">New here? <a href="/signup">Create a business account</a></p>
    </section>
  );
}
