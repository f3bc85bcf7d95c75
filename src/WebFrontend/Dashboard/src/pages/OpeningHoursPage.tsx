import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api";
import { canManageServices } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { HoursEditor, hoursRequest, sortHours } from "../components/HoursEditor";
import { Status } from "../components/RecordFields";
import type { DateException, OpeningHours, WeeklyHours } from "../types";

/** The business's weekly opening hours and dated exceptions, in its local time: what free slots are cut from. */
export function OpeningHoursPage() {
  const [weekly, setWeekly] = useState<WeeklyHours[] | null>(null);
  const [exceptions, setExceptions] = useState<DateException[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function show(hours: OpeningHours) {
    setWeekly(sortHours(hours.weeklyHours));
    setExceptions(hours.exceptions);
  }

  useEffect(() => {
    get<OpeningHours>("/api/availability/hours").then(show, (e) => setError(errorMessage(e)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    if (!weekly) return;
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    try {
      show(await api<OpeningHours>("PUT", "/api/availability/hours", hoursRequest(weekly, exceptions)));
      setStatus("Opening hours saved.");
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page" aria-labelledby="hours-title">
      <p class="breadcrumb"><a href="/services">← Services</a></p>
      <h1 id="hours-title">Opening hours</h1>
      <p class="hint">In the business's local time. Customers and agents can book the free slots of a service within these hours (or the service's own).</p>
      <Status text={status} />
      {weekly === null ? (
        error ? <div class="form-error" role="alert">{error}</div> : <p role="status">Loading…</p>
      ) : (
        <form class="card settings-form hours-form" onSubmit={save} noValidate aria-label="Opening hours">
          {error && <div class="form-error" role="alert">{error}</div>}
          <HoursEditor
            weekly={weekly}
            exceptions={exceptions}
            onChange={(w, x) => {
              setWeekly(w);
              setExceptions(x);
            }}
            errors={errors}
            disabled={!canManageServices.value}
            emptyWeekHint="A day without hours is closed. Without any hours, nothing can be booked."
          />
          {canManageServices.value ? (
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save opening hours"}</button>
          ) : (
            <p class="meta">Your role may read the opening hours but not change them.</p>
          )}
        </form>
      )}
    </section>
  );
}
