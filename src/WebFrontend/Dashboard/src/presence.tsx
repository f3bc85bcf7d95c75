import { signal } from "@preact/signals";
import { get } from "./api";
import { subscribe } from "./live";
import type { EmployeePresence, Presence } from "./types";

/** The team's active employees and whether each is online, away or offline: loaded once, kept live by PresenceChanged. */
export const team = signal<EmployeePresence[]>([]);

let subscribed = false;

async function load(): Promise<void> {
  try {
    team.value = await get<EmployeePresence[]>("/api/presence");
  } catch {
    // Without employees.read (or offline) the inbox simply shows no presence.
  }
}

function changed(employeeId: string, presence: Presence): void {
  if (team.value.some((e) => e.employeeId === employeeId)) {
    team.value = team.value.map((e) => (e.employeeId === employeeId ? { ...e, presence } : e));
  } else {
    // Someone who joined since we loaded: fetch their name.
    void load();
  }
}

/** Starts following the team's presence (idempotent); every reconnect reloads, since events missed while away are not replayed. */
export function followPresence(): void {
  void load();
  if (subscribed) return;
  subscribed = true;
  subscribe({ presence: changed, resync: () => void load() });
}

export function presenceOf(employeeId: string | null | undefined): EmployeePresence | undefined {
  return employeeId ? team.value.find((e) => e.employeeId === employeeId) : undefined;
}

const presenceText: Record<Presence, string> = { online: "online", away: "away", offline: "offline" };

/** A coloured dot with the state in words for screen readers (and as a tooltip). */
export function PresenceDot({ presence }: { presence: Presence | undefined }) {
  const state = presence ?? "offline";
  return <span class={`presence-dot ${state}`} data-presence={state} role="img" aria-label={presenceText[state]} title={presenceText[state]} />;
}
