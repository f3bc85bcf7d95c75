import { useState } from "preact/hooks";
import { post } from "../api";
import { Field, FormError } from "../components/Field";
import { errorMessage, fieldErrors } from "../components/records";
import { queryParam } from "../router";

/** Opened from the reset e-mail (`/reset-password?token=…`): chooses a new password, which ends every session. */
export function ResetPasswordPage() {
  const token = queryParam("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setErrors({});
    setError(null);
    if (password !== confirmation) {
      setErrors({ confirmation: "The two passwords are not the same." });
      return;
    }
    setBusy(true);
    try {
      await post("/api/auth/reset-password", { token, newPassword: password }, { anonymous: true });
      setDone(true);
    } catch (e) {
      const fields = fieldErrors(e);
      setErrors(fields);
      // A used or expired link is the token's fault, which has no field on the page: say it at the top.
      setError(fields.token ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <section class="card auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        <div class="form-error" role="alert">This link has no reset token. Open the link from the e-mail again, or ask for a new one.</div>
        <p class="aside"><a href="/forgot-password">Ask for a new link</a></p>
      </section>
    );
  }

  return (
    <section class="card auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {done ? (
        <>
          <p class="notice" role="status">Your password was changed. Log in with the new one; other devices were logged out.</p>
          <p class="aside"><a href="/login">Log in</a></p>
        </>
      ) : (
        <>
          <form onSubmit={submit} noValidate>
            <FormError error={error} />
            <Field label="New password" name="newPassword" type="password" value={password} onInput={setPassword} error={errors.newPassword} autoComplete="new-password" required autoFocus hint="At least 10 characters." />
            <Field label="Repeat the new password" name="confirmation" type="password" value={confirmation} onInput={setConfirmation} error={errors.confirmation} autoComplete="new-password" required />
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Set new password"}</button>
          </form>
          {errors.token && <p class="aside"><a href="/forgot-password">Ask for a new link</a></p>}
        </>
      )}
    </section>
  );
}
