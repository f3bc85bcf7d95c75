import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, get, query } from "../api";
import { subscribe } from "../live";
import { formatWhen, preview } from "../format";
import { navigate } from "../router";
import { Select } from "../components/Field";
import { ChatPanel } from "../components/ChatPanel";
import { CustomerPanel } from "../components/CustomerPanel";
import { PresenceDot, followPresence, presenceOf } from "../presence";
import { employee } from "../session";
import type { Conversation, ConversationPage, Message } from "../types";

type Filters = { mode: string; status: string; assignee: string; unread: boolean; q: string };

/** Wide enough for the list, the chat and the customer panel side by side. */
const wideEnough = "(min-width: 1100px)";

const emptyFilters: Filters = { mode: "", status: "", assignee: "anyone", unread: false, q: "" };

/** Conversations newest first, the way the API orders them. */
function byLatest(a: Conversation, b: Conversation): number {
  return b.lastMessageAt.localeCompare(a.lastMessageAt);
}

export function InboxPage({ conversationId }: { conversationId: string | null }) {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [search, setSearch] = useState("");
  const [items, setItems] = useState<Conversation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const listed = useRef(items);
  listed.current = items;
  const openId = useRef(conversationId);
  openId.current = conversationId;
  const generation = useRef(0);
  // The customer panel: beside the chat on wide screens (shown unless hidden), over it on narrow ones (hidden unless asked for).
  const [customerOpen, setCustomerOpen] = useState(() => window.matchMedia(wideEnough).matches);
  useEffect(() => {
    const media = window.matchMedia(wideEnough);
    const follow = () => setCustomerOpen(media.matches);
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  async function load(cursor?: string | null) {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await get<ConversationPage>(
        `/api/conversations${query({ mode: filters.mode, status: filters.status, assignee: filters.assignee, unread: filters.unread, q: filters.q, cursor, limit: 30 })}`,
      );
      if (mine !== generation.current) return;
      setItems((current) => (cursor ? [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))] : page.items));
      setNextCursor(page.nextCursor ?? null);
    } catch (e) {
      if (mine === generation.current) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, [filters]);

  useEffect(() => followPresence(), []);

  // Debounced search as the agent types.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim() })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  // Live: a new message moves its conversation to the top and bumps its unread count; a conversation
  // we do not list yet (new, or beyond the loaded page) is fetched through the list with the filters.
  useEffect(
    () =>
      subscribe({
        changed: (snapshot) =>
          setItems((current) =>
            current.map((c) =>
              c.id === snapshot.id
                ? { ...c, mode: snapshot.mode, status: snapshot.status, assigneeId: snapshot.assigneeId ?? null, labels: snapshot.labels ?? c.labels }
                : c,
            ),
          ),
        added: (message: Message) => {
          if (!listed.current.some((c) => c.id === message.conversationId)) {
            void load();
            return;
          }
          const isOpen = openId.current === message.conversationId;
          setItems((current) =>
            current
              .map((c) =>
                c.id !== message.conversationId || message.sequence <= c.lastSequence
                  ? c
                  : {
                      ...c,
                      lastMessage: message,
                      lastMessageAt: message.sentAt > c.lastMessageAt ? message.sentAt : c.lastMessageAt,
                      lastSequence: message.sequence,
                      unreadCount: isOpen ? 0 : message.direction === "inbound" ? c.unreadCount + 1 : c.unreadCount,
                    },
              )
              .sort(byLatest),
          );
        },
        updated: (message: Message) =>
          setItems((current) =>
            current.map((c) => (c.lastMessage?.id === message.id ? { ...c, lastMessage: message } : c)),
          ),
        resync: () => void load(),
      }),
    [filters],
  );

  const markedRead = (id: string) => setItems((current) => current.map((c) => (c.id === id ? { ...c, unreadCount: 0 } : c)));
  const open = items.find((c) => c.id === conversationId) ?? null;

  return (
    <div class={`inbox ${conversationId ? "has-open" : ""}`}>
      <section class="conversation-list" aria-labelledby="inbox-title">
        <div class="list-header">
          <h1 id="inbox-title">Inbox</h1>
          <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div class="field search">
              <label for="inbox-search">Search conversations</label>
              <input id="inbox-search" type="search" value={search} placeholder="Name, number or text" onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <Select label="Mode" name="mode" value={filters.mode} onChange={(mode) => setFilters({ ...filters, mode })} options={[["", "All"], ["ai", "AI"], ["human", "Human"], ["closed", "Closed"]]} />
            <Select label="Status" name="status" value={filters.status} onChange={(status) => setFilters({ ...filters, status })} options={[["", "All"], ["open", "Open"], ["pending", "Pending"], ["snoozed", "Snoozed"], ["resolved", "Resolved"]]} />
            <Select label="Assignee" name="assignee" value={filters.assignee} onChange={(assignee) => setFilters({ ...filters, assignee })} options={[["anyone", "Anyone"], ["me", "Me"], ["unassigned", "Unassigned"]]} />
            <label class="checkbox">
              <input type="checkbox" checked={filters.unread} onChange={(e) => setFilters({ ...filters, unread: (e.currentTarget as HTMLInputElement).checked })} />
              Unread only
            </label>
          </form>
        </div>
        {error && <div class="form-error" role="alert">{error}</div>}
        <ul class="conversations" aria-label="Conversations" aria-busy={loading}>
          {items.map((c) => (
            <li key={c.id}>
              <a
                href={`/inbox/${c.id}`}
                class={`conversation ${c.id === conversationId ? "selected" : ""} ${c.unreadCount > 0 ? "unread" : ""}`}
                aria-current={c.id === conversationId ? "true" : undefined}
                data-conversation-id={c.id}
              >
                <span class="avatar" aria-hidden="true">{(c.customer.name || c.customer.waId).slice(0, 1).toUpperCase()}</span>
                <span class="summary">
                  <span class="row">
                    <span class="name">{c.customer.name || `+${c.customer.waId}`}</span>
                    <time class="when" dateTime={c.lastMessageAt}>{formatWhen(c.lastMessageAt)}</time>
                  </span>
                  <span class="row">
                    <span class="preview">{preview(c.lastMessage)}</span>
                    {c.unreadCount > 0 && (
                      <span class="badge" data-testid="unread-badge" aria-label={`${c.unreadCount} unread`}>{c.unreadCount}</span>
                    )}
                  </span>
                  <span class="tags">
                    <span class={`tag mode-${c.mode}`}>{c.mode}</span>
                    <span class="tag">{c.status}</span>
                    {c.labels.map((l) => <span class="tag label" key={l}>{l}</span>)}
                    {c.assigneeId && (
                      <span class="tag assignee" data-testid="assignee">
                        <PresenceDot presence={presenceOf(c.assigneeId)?.presence} />
                        {c.assigneeId === employee.value?.id ? "You" : presenceOf(c.assigneeId)?.displayName ?? "Colleague"}
                      </span>
                    )}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
        {!loading && items.length === 0 && !error && <p class="empty">No conversations match these filters yet.</p>}
        {nextCursor && (
          <button type="button" class="secondary more" disabled={loading} onClick={() => void load(nextCursor)}>Load more</button>
        )}
      </section>
      <section class={`chat-pane ${conversationId && customerOpen ? "customer-open" : ""}`} aria-label="Conversation">
        {conversationId ? (
          <>
            <ChatPanel key={conversationId} conversationId={conversationId} summary={open} onRead={markedRead} onBack={() => navigate("/inbox")}
              customerOpen={customerOpen} onToggleCustomer={() => {
                setCustomerOpen(!customerOpen);
                // Opened on a phone, the panel takes the chat's place: move there.
                if (!customerOpen) requestAnimationFrame(() => document.getElementById("customer-panel-title")?.focus());
              }} />
            {customerOpen && (
              <CustomerPanel key={conversationId} conversationId={conversationId} onClose={() => {
                setCustomerOpen(false);
                // Back to the button that shows it again (the panel, and on phones the chat's place, are gone).
                requestAnimationFrame(() => document.querySelector<HTMLElement>(".customer-toggle")?.focus());
              }} />
            )}
          </>
        ) : (
          <p class="empty chat-empty">Choose a conversation to read and reply.</p>
        )}
      </section>
    </div>
  );
}
