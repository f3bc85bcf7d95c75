import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { signal } from "@preact/signals";
import { currentToken, refresh } from "./session";
import type { ConversationSnapshot, HandoffSummary, Message, NotificationItem, Presence } from "./types";

// One hub connection per tab. SignalR reconnects by itself (and we restart it when even that gives up);
// after every reconnect, listeners are told to catch up from their last sequence through the REST API,
// since events sent while we were away are not replayed by the hub.

export type LiveState = "connecting" | "online" | "reconnecting" | "offline";

export const liveState = signal<LiveState>("offline");

// Exposed for the browser tests and for support ("is this tab live?"): the state, nothing else.
liveState.subscribe((state) => {
  (window as unknown as { __conversationsLive?: LiveState }).__conversationsLive = state;
});

type Listener = {
  added?: (message: Message) => void;
  updated?: (message: Message) => void;
  /** A conversation's handling changed: mode, assignee, status, labels, the assistant's flow state. */
  changed?: (conversation: ConversationSnapshot) => void;
  /** The assistant started (true) or finished (false) writing a reply. */
  drafting?: (conversationId: string, drafting: boolean) => void;
  /** The assistant's reply that a takeover kept from being sent, offered to the agent who holds the conversation. */
  draft?: (conversationId: string, employeeId: string | null, text: string) => void;
  /** A conversation reached the humans, with the assistant's summary. */
  handoff?: (summary: HandoffSummary) => void;
  /** Something for this employee to look at (a mention, an assignment, a handoff, a failed delivery). */
  notification?: (notification: NotificationItem) => void;
  /** A colleague is typing a reply in a conversation. */
  typing?: (conversationId: string, employeeId: string) => void;
  /** A colleague (or this employee) came online, went away or offline. */
  presence?: (employeeId: string, presence: Presence) => void;
  /** Called after a reconnect: fetch what was missed. */
  resync?: () => void;
};

const listeners = new Set<Listener>();
let connection: HubConnection | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
let stopped = true;

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(each: (listener: Listener) => void): void {
  for (const listener of [...listeners]) {
    try {
      each(listener);
    } catch (error) {
      console.error(error);
    }
  }
}

async function start(): Promise<void> {
  if (stopped || !connection) return;
  liveState.value = liveState.value === "offline" ? "connecting" : "reconnecting";
  try {
    await connection.start();
  } catch {
    liveState.value = "reconnecting";
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void start(), 3_000);
  }
}

export function connectLive(): void {
  if (connection) return;
  stopped = false;
  connection = new HubConnectionBuilder()
    .withUrl("/hubs/conversations", {
      // Called on every (re)connect: a reconnect after a long break gets a fresh token.
      accessTokenFactory: async () => currentToken() ?? (await refresh()) ?? "",
    })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) + Math.random() * 500 })
    .configureLogging(LogLevel.Warning)
    .build();

  // The hub says "Ready" once this connection receives events: the moment to catch up on what was missed.
  connection.on("Ready", () => {
    liveState.value = "online";
    notify((l) => l.resync?.());
  });
  connection.on("MessageAdded", (message: Message) => notify((l) => l.added?.(message)));
  connection.on("MessageUpdated", (message: Message) => notify((l) => l.updated?.(message)));
  connection.on("ConversationChanged", (conversation: ConversationSnapshot) => notify((l) => l.changed?.(conversation)));
  connection.on("AssistantDrafting", (conversationId: string, drafting: boolean) => notify((l) => l.drafting?.(conversationId, drafting)));
  connection.on("DraftOffered", (conversationId: string, _turnId: string, employeeId: string | null, text: string) =>
    notify((l) => l.draft?.(conversationId, employeeId, text)));
  connection.on("HandoffSummarized", (summary: HandoffSummary) => notify((l) => l.handoff?.(summary)));
  connection.on("PresenceChanged", (employeeId: string, presence: Presence) => notify((l) => l.presence?.(employeeId, presence)));
  connection.on("Notification", (notification: NotificationItem) => notify((l) => l.notification?.(notification)));
  connection.on("Typing", (conversationId: string, employeeId: string) => notify((l) => l.typing?.(conversationId, employeeId)));
  connection.onreconnecting(() => (liveState.value = "reconnecting"));
  connection.onreconnected(() => (liveState.value = "connecting"));
  // Automatic reconnect gave up (e.g. the server was down for long): keep trying.
  connection.onclose(() => {
    if (stopped) return;
    liveState.value = "reconnecting";
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void start(), 3_000);
  });
  // Presence: without a heartbeat for two minutes the server shows this employee offline.
  clearInterval(heartbeatTimer);
  heartbeatTimer = setInterval(() => {
    if (connection?.state === HubConnectionState.Connected) void connection.invoke("Heartbeat").catch(() => undefined);
  }, 30_000);
  void start();
}

/** Marks the signed-in employee away (or available again); false when not connected, so the caller can say so. */
export async function setAway(away: boolean): Promise<boolean> {
  if (connection?.state !== HubConnectionState.Connected) return false;
  await connection.invoke("SetAway", away);
  return true;
}

// Colleagues are told at most this often while someone keeps typing; they show it for a little longer than that.
const typingEvery = 3_000;
const lastTyping = new Map<string, number>();

/** Tells colleagues this employee is typing in the conversation (throttled; never blocks the composer). */
export function sendTyping(conversationId: string): void {
  const now = Date.now();
  if (connection?.state !== HubConnectionState.Connected || now - (lastTyping.get(conversationId) ?? 0) < typingEvery) return;
  lastTyping.set(conversationId, now);
  void connection.invoke("Typing", conversationId).catch(() => undefined);
}

export async function disconnectLive(): Promise<void> {
  stopped = true;
  clearTimeout(retryTimer);
  clearInterval(heartbeatTimer);
  const current = connection;
  connection = null;
  liveState.value = "offline";
  if (current && current.state !== HubConnectionState.Disconnected) await current.stop();
}

// The browser knows before the socket does that the network went away. When it is back, a socket that
// survived is online again (and catches up, in case events were lost); a dead one is being restarted.
window.addEventListener("offline", () => {
  if (!stopped) liveState.value = "reconnecting";
});
window.addEventListener("online", () => {
  if (stopped || !connection) return;
  if (connection.state === HubConnectionState.Connected) {
    liveState.value = "online";
    notify((l) => l.resync?.());
  } else if (connection.state === HubConnectionState.Disconnected) {
    clearTimeout(retryTimer);
    void start();
  }
});
