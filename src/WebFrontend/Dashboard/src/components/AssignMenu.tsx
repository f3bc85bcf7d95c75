import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { PresenceDot, team } from "../presence";
import { employee } from "../session";
import type { Conversation } from "../types";

type Props = { conversationId: string; assigneeId: string | null | undefined; onChanged: (conversation: Conversation) => void; onError: (error: string) => void };

/**
 * "Assign to…": the team with their presence (live), as a menu the arrow keys move through. The current assignee
 * is checked; choosing another assigns (or transfers) the conversation to them.
 */
export function AssignMenu({ conversationId, assigneeId, onChanged, onError }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const items = () => [...(wrap.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]") ?? [])];
  const me = employee.value?.id;
  // By name: an order that does not jump under the keyboard as colleagues come and go.
  const people = [...team.value].sort((a, b) => a.displayName.localeCompare(b.displayName));

  useEffect(() => {
    if (!open) return;
    (items().find((i) => i.getAttribute("aria-checked") === "true") ?? items()[0])?.focus();
    const close = (event: Event) => {
      if (!(wrap.current && event.composedPath().includes(wrap.current))) setOpen(false);
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, [open]);

  function closeAndFocus() {
    setOpen(false);
    wrap.current?.querySelector<HTMLButtonElement>("button.assign-button")?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === "ArrowDown") next = (at + 1) % all.length;
    else if (event.key === "ArrowUp") next = (at - 1 + all.length) % all.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = all.length - 1;
    else if (event.key === "Escape" || event.key === "Tab") {
      if (event.key === "Escape") event.preventDefault();
      closeAndFocus();
      return;
    } else return;
    event.preventDefault();
    all[next]?.focus();
  }

  async function assign(employeeId: string) {
    closeAndFocus();
    if (employeeId === assigneeId) return;
    setBusy(true);
    try {
      onChanged(await post<Conversation>(`/api/conversations/${conversationId}/assign`, { employeeId }));
    } catch (e) {
      onError(e instanceof ApiError ? (e.status === 409 ? "Someone else is handling this conversation." : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="menu-wrap" ref={wrap}>
      <button type="button" class="secondary assign-button" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? "assign-menu" : undefined} disabled={busy} onClick={() => setOpen(!open)}>
        Assign…
      </button>
      {open && (
        <ul id="assign-menu" class="menu" role="menu" aria-label="Assign to" onKeyDown={onKeyDown}>
          {people.length === 0 && <li role="none" class="meta">No colleagues to show.</li>}
          {people.map((person) => (
            <li role="none" key={person.employeeId}>
              <button type="button" role="menuitemradio" tabIndex={-1} aria-checked={person.employeeId === assigneeId} data-employee-id={person.employeeId} onClick={() => void assign(person.employeeId)}>
                <PresenceDot presence={person.presence} />
                <span>{person.displayName}{person.employeeId === me ? " (you)" : ""}</span>
                <span class="meta"> · {person.presence}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
