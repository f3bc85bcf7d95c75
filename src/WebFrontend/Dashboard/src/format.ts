const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const day = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
const shortDay = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export function formatDay(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (dayKey(iso) === dayKey(today.toISOString())) return "Today";
  if (dayKey(iso) === dayKey(yesterday.toISOString())) return "Yesterday";
  return day.format(d);
}

/** Time for today's items, a short date for older ones (list rows). */
export function formatWhen(iso: string): string {
  return dayKey(iso) === dayKey(new Date().toISOString()) ? formatTime(iso) : shortDay.format(new Date(iso));
}

/** One line of plain text summing up a message, for list previews. */
export function preview(message: { body?: string | null; kind: string; content?: { text?: string | null; kind: string } | null } | null | undefined): string {
  if (!message) return "";
  const text = message.content?.text ?? message.body;
  if (text) return text;
  const kind = message.content?.kind ?? message.kind;
  return ({ image: "📷 Photo", document: "📄 Document", audio: "🎤 Audio", video: "🎬 Video", location: "📍 Location", contacts: "👤 Contact", sticker: "Sticker", template: "Template" } as Record<string, string>)[kind] ?? kind;
}

/** A date and time in the browser's locale, e.g. for "changed" and "created" lines. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
