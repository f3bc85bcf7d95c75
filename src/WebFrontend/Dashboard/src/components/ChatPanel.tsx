import { Fragment } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { ApiError, get, post, query } from "../api";
import { subscribe } from "../live";
import { dayKey, formatDay } from "../format";
import { MessageBubble } from "./MessageBubble";
import { Composer, type Prefill } from "./Composer";
import { AssignMenu } from "./AssignMenu";
import { PresenceDot, presenceOf } from "../presence";
import { can, canSupervise, employee } from "../session";
import type { AssistantView, Conversation, HandoffSummary, Message, MessagePage } from "../types";

const flowNames: Record<string, string> = {
  greeting: "greeting",
  service_selection: "choosing a service",
  scheduling: "finding a time",
  confirmation: "confirming",
  payment: "awaiting payment",
  booked: "booked",
  faq: "answering questions",
  handoff: "handed off",
  serviceSelection: "choosing a service",
};

const pageSize = 50;

const deliveryRank: Record<string, number> = { queued: 0, sent: 1, failed: 1.5, delivered: 2, read: 3 };

/** How far a copy of a message got; delivery only moves forward, as on the server. */
function rank(message: Message): number {
  return message.delivery ? deliveryRank[message.delivery] ?? -1 : -1;
}

/**
 * Messages merged by sequence. Copies arrive in any order (the send's answer, MessageAdded, MessageUpdated, a
 * catch-up read): a copy never replaces one whose delivery got further, so a late "queued" cannot undo "sent".
 */
function merge(current: Message[], incoming: Message[]): Message[] {
  const bySequence = new Map(current.map((m) => [m.sequence, m]));
  for (const message of incoming) {
    const known = bySequence.get(message.sequence);
    if (!known || rank(message) >= rank(known)) bySequence.set(message.sequence, message);
  }
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

type Props = {
  conversationId: string;
  summary: Conversation | null;
  onRead: (conversationId: string) => void;
  onBack: () => void;
  /** The customer panel beside the chat: whether it shows, and the header button that shows or hides it. */
  customerOpen?: boolean;
  onToggleCustomer?: () => void;
};

export function ChatPanel({ conversationId, summary, onRead, onBack, customerOpen, onToggleCustomer }: Props) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [conversation, setConversation] = useState<Conversation | null>(summary);
  const [hasEarlier, setHasEarlier] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const list = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);
  const latest = useRef(0);
  latest.current = messages.length ? messages[messages.length - 1].sequence : 0;
  const lastRead = useRef(0);
  const [flow, setFlow] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  // Colleagues typing here, each until a moment after their last typing event.
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [draft, setDraft] = useState<string | null>(null);
  const [handoff, setHandoff] = useState<HandoffSummary | null>(null);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [handlingError, setHandlingError] = useState<string | null>(null);
  const [handlingBusy, setHandlingBusy] = useState(false);
  const me = employee.value?.id ?? null;

  async function loadAssistant() {
    try {
      const view = await get<AssistantView>(`/api/conversations/${conversationId}/assistant`);
      setFlow(view.flowState);
      setDrafting(view.mode === "ai" && view.drafting);
      setDraft(view.mode === "human" ? view.draft ?? null : null);
      setHandoff(view.latestHandoff ?? null);
    } catch {
      // The chat works without the assistant's side panel.
    }
  }

  /** Takes over from the assistant, or hands back to it; of two agents at once, the loser is told who won. */
  async function handle(action: "takeover" | "release") {
    setHandlingBusy(true);
    setHandlingError(null);
    try {
      setConversation(await post<Conversation>(`/api/conversations/${conversationId}/${action}`, {}));
      if (action === "release") setDraft(null);
    } catch (e) {
      setHandlingError(e instanceof ApiError ? (e.status === 409 ? "Someone else is handling this conversation." : e.message) : String(e));
    } finally {
      setHandlingBusy(false);
    }
  }

  async function markRead(sequence: number) {
    if (sequence <= lastRead.current || document.visibilityState === "hidden") return;
    lastRead.current = sequence;
    onRead(conversationId);
    try {
      await post(`/api/conversations/${conversationId}/read`, { sequence });
    } catch {
      lastRead.current = 0; // try again with the next message
    }
  }

  /** The newest page, merged: used on open and after a reconnect (catches new messages and delivery changes). */
  async function loadLatest() {
    try {
      const page = await get<MessagePage>(`/api/messages${query({ conversationId, limit: pageSize })}`);
      let fetched = page.messages;
      // More than a page went by while we were away: fetch the gap by sequence.
      const known = latest.current;
      if (known > 0 && fetched.length > 0 && fetched[0].sequence > known + 1) {
        let after = known;
        while (true) {
          const gap = await get<MessagePage>(`/api/messages${query({ conversationId, after, limit: 200 })}`);
          fetched = merge(fetched, gap.messages);
          if (gap.messages.length < 200) break;
          after = gap.messages[gap.messages.length - 1].sequence;
        }
      }
      setMessages((current) => {
        if (current.length === 0) setHasEarlier(page.messages.length === pageSize);
        return merge(current, fetched);
      });
      setError(null);
      if (fetched.length) void markRead(fetched[fetched.length - 1].sequence);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 404 ? "This conversation does not exist." : e.message) : String(e));
    } finally {
      setLoading(false);
    }
  }

  async function loadEarlier() {
    const first = messages[0]?.sequence;
    if (!first) return;
    const page = await get<MessagePage>(`/api/messages${query({ conversationId, before: first, limit: pageSize })}`);
    stickToBottom.current = false;
    setHasEarlier(page.messages.length === pageSize);
    setMessages((current) => merge(current, page.messages));
  }

  useEffect(() => {
    setDrafting(false);
    setDraft(null);
    setHandoff(null);
    void loadAssistant();
    void loadLatest();
    if (!summary) {
      get<Conversation>(`/api/conversations/${conversationId}`).then(setConversation, () => undefined);
    }
  }, [conversationId]);

  useEffect(() => {
    if (summary) setConversation(summary);
  }, [summary]);

  useEffect(
    () =>
      subscribe({
        added: (message) => {
          if (message.conversationId !== conversationId) return;
          // A gap means we missed events: fetch them by sequence instead of showing a hole.
          if (latest.current > 0 && message.sequence > latest.current + 1) void loadLatest();
          setMessages((current) => merge(current, [message]));
          if (message.direction === "inbound") void markRead(message.sequence);
        },
        updated: (message) => {
          if (message.conversationId !== conversationId) return;
          setMessages((current) => (current.some((m) => m.sequence === message.sequence) ? merge(current, [message]) : current));
        },
        changed: (snapshot) => {
          if (snapshot.id !== conversationId) return;
          setConversation((current) =>
            current ? { ...current, mode: snapshot.mode, status: snapshot.status, assigneeId: snapshot.assigneeId ?? null, labels: snapshot.labels ?? current.labels } : current,
          );
          if (snapshot.flow) setFlow(snapshot.flow);
          if (snapshot.mode !== "human") setDraft(null);
        },
        drafting: (id, on) => {
          if (id === conversationId) setDrafting(on);
        },
        typing: (id, employeeId) => {
          if (id === conversationId && employeeId !== employee.value?.id) {
            setTyping((current) => ({ ...current, [employeeId]: Date.now() + typingShownFor }));
          }
        },
        draft: (id, employeeId, text) => {
          if (id === conversationId && (!employeeId || employeeId === employee.value?.id)) setDraft(text);
        },
        handoff: (summary) => {
          if (summary.conversationId === conversationId) setHandoff(summary);
        },
        resync: () => {
          void loadLatest();
          void loadAssistant();
        },
      }),
    [conversationId],
  );

  useEffect(() => setTyping({}), [conversationId]);

  // A colleague who stopped typing disappears from the line a moment later.
  useEffect(() => {
    const until = Object.values(typing);
    if (until.length === 0) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, expires]) => expires > now)));
    }, Math.max(0, Math.min(...until) - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typing]);

  // Keep the view at the newest message unless the agent scrolled up to read.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  const name = conversation?.customer.name || (conversation ? `+${conversation.customer.waId}` : "Conversation");

  return (
    <div class="chat">
      <header class="chat-header">
        <button type="button" class="back" onClick={onBack} aria-label="Back to the conversation list">←</button>
        <div>
          <h2 id="chat-title">{name}</h2>
          {conversation && (
            <p class="meta">
              +{conversation.customer.waId} · <span data-testid="mode">{conversation.mode === "ai" ? "AI" : conversation.assigneeId === me ? "you" : conversation.assigneeId ? (presenceOf(conversation.assigneeId)?.displayName ?? "a colleague") : "waiting for an agent"}</span>
              {conversation.mode === "human" && conversation.assigneeId && <> <PresenceDot presence={presenceOf(conversation.assigneeId)?.presence} /></>}
              {" · "}{conversation.status}
              {flow && conversation.mode === "ai" && <> · <span data-testid="flow">{flowNames[flow] ?? flow}</span></>}
            </p>
          )}
        </div>
        {conversation && (
          <div class="handling">
            {(conversation.mode === "ai" || (conversation.mode === "human" && !conversation.assigneeId)) && (
              <button type="button" class="primary" disabled={handlingBusy} onClick={() => void handle("takeover")}>Take over</button>
            )}
            {conversation.mode === "human" && conversation.assigneeId && (conversation.assigneeId === me || canSupervise.value) && (
              <button type="button" class="secondary" disabled={handlingBusy} onClick={() => void handle("release")}>Hand back to AI</button>
            )}
            {can("conversations.handle") && (!conversation.assigneeId || conversation.assigneeId === me || canSupervise.value) && (
              <AssignMenu conversationId={conversationId} assigneeId={conversation.assigneeId} onChanged={(c) => { setHandlingError(null); setConversation(c); }} onError={setHandlingError} />
            )}
          </div>
        )}
        {onToggleCustomer && (
          <button type="button" class="secondary small customer-toggle" aria-expanded={!!customerOpen} aria-controls={customerOpen ? "customer-panel" : undefined} onClick={onToggleCustomer}>
            Customer details
          </button>
        )}
      </header>
      {error && <div class="form-error" role="alert">{error}</div>}
      {handlingError && <div class="form-error" role="alert">{handlingError}</div>}
      {handoff && conversation?.mode === "human" && (
        <aside class="handoff-summary" aria-label="Why this conversation came to the team">
          <strong>{handoff.intent}</strong>
          <p>{handoff.summary}</p>
        </aside>
      )}
      <ol
        class="messages"
        ref={list}
        aria-labelledby="chat-title"
        aria-live="polite"
        aria-busy={loading}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLElement;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {hasEarlier && (
          <li class="earlier">
            <button type="button" class="secondary" onClick={() => void loadEarlier()}>Load earlier messages</button>
          </li>
        )}
        {messages.map((message, i) => (
          <Fragment key={message.sequence}>
            {(i === 0 || dayKey(messages[i - 1].sentAt) !== dayKey(message.sentAt)) && (
              <li class="day-separator">
                <span role="separator" aria-label={formatDay(message.sentAt)}>{formatDay(message.sentAt)}</span>
              </li>
            )}
            <MessageBubble message={message} />
          </Fragment>
        ))}
        {!loading && messages.length === 0 && !error && <li class="empty">No messages yet.</li>}
        {drafting && conversation?.mode === "ai" && (
          <li class="drafting" role="status">
            AI is drafting a reply…
          </li>
        )}
      </ol>
      <p class="typing meta" role="status" aria-live="polite">
        {typingLine(Object.keys(typing).map((id) => presenceOf(id)?.displayName ?? "A colleague"))}
      </p>
      {draft && conversation?.mode === "human" && (
        <aside class="draft" aria-label="The assistant's unsent reply">
          <p class="meta">The assistant had written this reply when the conversation was taken over. It was not sent.</p>
          <p class="text">{draft}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => { setPrefill({ text: draft, key: Date.now() }); setDraft(null); }}>Use in my reply</button>
            <button type="button" class="link-button" onClick={() => setDraft(null)}>Dismiss</button>
          </div>
        </aside>
      )}
      <Composer
        conversationId={conversationId}
        prefill={prefill}
        onSent={(message) => {
          stickToBottom.current = true;
          setMessages((current) => merge(current, [message]));
        }}
      />
    </div>
  );
}

/** How long "is typing" stays after a colleague's last keystroke event (they are sent every 3 s while typing). */
const typingShownFor = 5_000;

function typingLine(names: string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]} is typing…`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are typing…`;
}
