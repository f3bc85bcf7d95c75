import { useEffect, useState } from "preact/hooks";
import { post } from "../api";
import { errorMessage, fieldErrors } from "../components/records";
import { queryParam } from "../router";
import { employee } from "../session";

/** Opened from the verification e-mail (`/verify-email?token=…`): confirms the address at once, with no form to fill. */
export function VerifyEmailPage() {
  const token = queryParam("token") ?? "";
  const [outcome, setOutcome] = useState<"pending" | "verified" | string>(token ? "pending" : "This link has no verification token. Open the link from the e-mail again.");

  useEffect(() => {
    if (!token) return;
    post("/api/auth/verify-email", { token }, { anonymous: true }).then(
      () => setOutcome("verified"),
      (e) => setOutcome(fieldErrors(e).token ?? errorMessage(e)),
    );
  }, [token]);

  return (
    <section class="card auth-card" aria-labelledby="verify-title">
      <h1 id="verify-title">Confirm your e-mail address</h1>
      {outcome === "pending" && <p role="status">Confirming…</p>}
      {outcome === "verified" && <p class="notice" role="status">Your e-mail address is confirmed. Thank you!</p>}
      {outcome !== "pending" && outcome !== "verified" && (
        <div class="form-error" role="alert">{outcome}</div>
      )}
      <p class="aside"><a href={employee.value ? "/inbox" : "/login"}>{employee.value ? "Go to the inbox" : "Log in"}</a></p>
    </section>
  );
}
