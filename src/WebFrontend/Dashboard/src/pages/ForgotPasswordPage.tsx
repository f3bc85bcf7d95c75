import { useState } from "preact/hooks";
import { post } from "../api";
import { Field, FormError } from "../components/Field";
import { errorMessage, fieldErrors } from "../components/records";

/** Asks for a reset link by e-mail. The API answers the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setErrors({});
    setError(null);
    if (!email.trim()) {
      setErrors({ email: "Enter the e-mail address you log in with." });
      return;
    }
    setBusy(true);
    try {
      await post("/api/auth/forgot-password", { email: email.trim() }, { anonymous: true });
      setSent(email.trim());
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {sent ? (
        <p class="notice" role="status">
          If {sent} belongs to an account, an e-mail with a link to choose a new password is on its way. The link works once.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <p class="hint">Enter the e-mail address you log in with and we will send you a link to choose a new password.</p>
          <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} error={errors.email} autoComplete="username" required autoFocus />
          <button type="submit" class="primary" disabled={busy}>{busy ? "Sending…" : "Send reset link"}</button>
        </form>
      )}
      <p class="aside"><a href="/login">Back to log in</a></p>
    </section>
  );
}
