import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { Field, FormError } from "../components/Field";
import { answerChallenge, login } from "../session";

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The app leaves the login page once signed in (App.tsx).
      if (challenge) {
        await answerChallenge(challenge, code.trim());
      } else {
        const asked = await login(email.trim(), password);
        if (asked) setChallenge(asked.challengeToken);
      }
    } catch (e) {
      const wrong = challenge ? "That code is not valid. Enter the code the app shows now, or a recovery code." : "Wrong e-mail address or password.";
      setError(e instanceof ApiError ? (e.status === 401 ? wrong : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (challenge) {
    return (
      <section class="card auth-card" aria-labelledby="login-title">
        <h1 id="login-title">Two-factor authentication</h1>
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <Field
            label="Code"
            name="code"
            value={code}
            onInput={setCode}
            autoComplete="one-time-code"
            required
            autoFocus
            hint="The 6-digit code from your authenticator app, or a recovery code"
          />
          <button type="submit" class="primary" disabled={busy || !code.trim()}>{busy ? "Checking…" : "Verify"}</button>
        </form>
        <p class="aside"><button type="button" class="link-button" onClick={() => { setChallenge(null); setCode(""); }}>Use another account</button></p>
      </section>
    );
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
      <p class="aside"><a href="/forgot-password">Forgot your password?</a></p>
      <p class="aside">New here? <a href="/signup">Create a business account</a> · <a href="/pricing">Plans and prices</a></p>
    </section>
  );
}
