import { useEffect, useState } from "preact/hooks";
import { ApiError, get, query } from "../api";
import { formatDay, formatTime } from "../format";
import type { LocalDelivery } from "../types";

/** What the built-in local channel "sent" for numbers without provider credentials. */
export function OutboxPage() {
  const [items, setItems] = useState<LocalDelivery[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function load(before?: number) {
    setLoading(true);
    try {
      const page = await get<LocalDelivery[]>(`/api/outbox${query({ before, limit: 50 })}`);
      setItems((current) => (before ? [...current, ...page] : page));
      setMore(page.length === 50);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void load(), []);

  return (
    <section class="page" aria-labelledby="outbox-title">
      <div class="page-header">
        <h1 id="outbox-title">Local outbox</h1>
        <button type="button" class="secondary" onClick={() => void load()} disabled={loading}>Refresh</button>
      </div>
      <p class="hint">Messages to customers of numbers that have no provider credentials are delivered here instead of WhatsApp.</p>
      {error && <div class="form-error" role="alert">{error}</div>}
      {!loading && items.length === 0 && !error && <p class="empty">Nothing delivered locally yet.</p>}
      {items.length > 0 && (
        <table class="table">
          <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Kind</th><th scope="col">Message</th></tr></thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td><time dateTime={d.sentAt}>{formatDay(d.sentAt)} {formatTime(d.sentAt)}</time></td>
                <td>+{d.recipient}</td>
                <td>{d.kind}</td>
                <td class="pre">{d.body ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && <button type="button" class="secondary more" disabled={loading} onClick={() => void load(items[items.length - 1].id)}>Load older</button>}
    </section>
  );
}
