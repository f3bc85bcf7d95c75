import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { canManage } from "../session";
import { errorMessage, formatMoney, minutesText } from "../components/records";
import type { Service } from "../types";

/** The bookable services: price, duration, who performs them; the way to their editor and to the opening hours. */
export function ServicesPage() {
  const [services, setServices] = useState<Service[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Service[]>("/api/services").then(setServices, (e) => setError(errorMessage(e)));
  }, []);

  return (
    <section class="page" aria-labelledby="services-title">
      <div class="page-header">
        <h1 id="services-title">Services</h1>
        <div class="actions">
          <a class="button secondary" href="/services/hours">Opening hours</a>
          {canManage.value && <a class="button primary" href="/services/new">New service</a>}
        </div>
      </div>
      {error && <div class="form-error" role="alert">{error}</div>}
      {services === null ? (
        !error && <p role="status">Loading…</p>
      ) : services.length === 0 ? (
        <p class="empty">No services yet.{canManage.value ? " Add the first one to take bookings." : ""}</p>
      ) : (
        <table class="table" data-testid="services">
          <caption class="visually-hidden">Services</caption>
          <thead>
            <tr><th scope="col">Service</th><th scope="col">Price</th><th scope="col">Duration</th><th scope="col">Performed by</th><th scope="col">Hours</th><th scope="col">Status</th></tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} class={s.isActive ? undefined : "inactive"}>
                <td>
                  <a href={`/services/${s.id}`}>{s.name}</a>
                  {s.description && <div class="meta clamp">{s.description}</div>}
                </td>
                <td>{s.priceMinor === 0 ? "Free" : formatMoney(s.priceMinor, s.currency)}</td>
                <td>{minutesText(s.durationMinutes)}{s.bufferMinutes > 0 && <span class="meta"> + {minutesText(s.bufferMinutes)} buffer</span>}</td>
                <td>{s.employeeIds.length === 0 ? "Anyone (one at a time)" : `${s.employeeIds.length} ${s.employeeIds.length === 1 ? "person" : "people"}`}</td>
                <td>{s.weeklyHours.length ? "Its own" : "The business's"}{s.exceptions.length > 0 && <span class="meta"> · {s.exceptions.length} date(s)</span>}</td>
                <td>{s.isActive ? "Active" : "Inactive"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
