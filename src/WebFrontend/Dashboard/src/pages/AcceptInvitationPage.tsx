import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { Field, FormError } from "../components/Field";
import { acceptInvitation } from "../session";
import { navigate, queryParam } from "../router";

/** The page the invitation e-mail links to (`/accept-invitation?token=…`). */
export function AcceptInvitationPage() {
  const token = queryParam("token") ?? "";
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(token ? null : "This link has no invitation token. Open the link from the e-mail again.");
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await acceptInvitation(token, displayName.trim(), password);
      navigate("/inbox", { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(e.problem.errors ?? {}).map(([k, v]) => [k, v.join(" ")])));
        setError(e.field("token") ?? e.message);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card auth-card" aria-labelledby="invite-title">
      <h1 id="invite-title">Join your team</h1>
      <form onSubmit={submit} noValidate>
        <FormError error={error} />
        <Field label="Your name" name="displayName" value={displayName} onInput={setDisplayName} error={errors.displayName} required autoComplete="name" autoFocus />
        <Field label="Choose a password" name="password" type="password" value={password} onInput={setPassword} error={errors.password} required autoComplete="new-password" hint="At least 10 characters." />
        <button type="submit" class="primary" disabled={busy || !token}>{busy ? "Joining…" : "Join"}</button>
      </form>
    </section>
  );
}
