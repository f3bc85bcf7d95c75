import { useEffect, useRef, useState } from "preact/hooks";
import { signal, computed } from "@preact/signals";
import { get, post } from "../api";
import { subscribe } from "../live";
import { formatDateTime } from "../format";
import { disablePush, enablePush, pushError, pushState, readPushState } from "../push";
import type { NotificationItem } from "../types";

const items = signal<NotificationItem[]>([]);
const unread = computed(() => items.value.filter((n) => !n.readAt).length);

async function load(): Promise<void> {
  try {
    items.value = await get<NotificationItem[]>("/api/notifications");
  } catch {
    // The bell stays as it was; the next reconnect or opening tries again.
  }
}

/** The bell in the top bar: the unread count, live from the hub's Notification event, and the list to mark read. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load();
    void readPushState();
    return subscribe({
      notification: (n) => {
        if (!items.value.some((x) => x.id === n.id)) items.value = [n, ...items.value];
      },
      resync: () => void load(),
    });
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !(wrap.current && event.composedPath().includes(wrap.current))) {
        setOpen(false);
        if (event instanceof KeyboardEvent) wrap.current?.querySelector<HTMLButtonElement>("button.bell")?.focus();
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function markRead(n: NotificationItem) {
    try {
      await post(`/api/notifications/${n.id}/read`);
    } catch {
      // Already read elsewhere: show it read anyway.
    }
    items.value = items.value.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x));
  }

  async function markAll() {
    await post("/api/notifications/read-all").catch(() => undefined);
    const now = new Date().toISOString();
    items.value = items.value.map((x) => (x.readAt ? x : { ...x, readAt: now }));
  }

  const count = unread.value;
  return (
    <div class="bell-wrap" ref={wrap}>
      <button
        type="button"
        class="bell"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={count ? `Notifications, ${count} unread` : "Notifications"}
        onClick={() => setOpen(!open)}
      >
        <svg class="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && <span class="bell-count" data-testid="bell-count" aria-hidden="true">{count > 99 ? "99+" : count}</span>}
      </button>
      {open && (
        <section id="notifications-panel" class="notifications-panel" aria-labelledby="notifications-title">
          <div class="panel-header">
            <h2 id="notifications-title">Notifications</h2>
            {count > 0 && <button type="button" class="link-button" onClick={() => void markAll()}>Mark all read</button>}
          </div>
          {items.value.length === 0 ? <p class="empty">Nothing yet.</p> : (
            <ul class="plain-list" data-testid="notifications">
              {items.value.map((n) => (
                <li key={n.id} class={n.readAt ? "read" : "unread"}>
                  {n.conversationId ? <a href={`/inbox/${n.conversationId}`} onClick={() => { setOpen(false); if (!n.readAt) void markRead(n); }}>{n.title}</a> : <span>{n.title}</span>}
                  <span class="meta"> {formatDateTime(n.createdAt)}{n.readAt ? "" : " · unread"}</span>
                  {!n.readAt && <button type="button" class="small secondary" onClick={() => void markRead(n)} aria-label={`Mark read: ${n.title}`}>Mark read</button>}
                </li>
              ))}
            </ul>
          )}
          <PushToggle />
        </section>
      )}
    </div>
  );
}

/** Push notifications on this device: asks the browser's permission, then subscribes (or unsubscribes). */
function PushToggle() {
  const state = pushState.value;
  if (state === "unsupported") return <p class="meta push-toggle">This browser cannot receive push notifications.</p>;
  return (
    <div class="push-toggle">
      <label>
        <input type="checkbox" checked={state === "on"} disabled={state === "busy" || state === "denied"}
          onChange={(e) => void ((e.currentTarget as HTMLInputElement).checked ? enablePush() : disablePush())} />
        {" "}Push notifications on this device
      </label>
      {state === "denied" && <p class="meta">Blocked in the browser's site settings.</p>}
      {pushError.value && <p class="error" role="alert">{pushError.value}</p>}
    </div>
  );
}
