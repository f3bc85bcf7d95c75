import { signal } from "@preact/signals";
import { ApiError, get } from "../api";
import { currentToken, refresh } from "../session";
import { navigate, location } from "../router";
import type { BookingStatus, EmployeeProfile, Problem, Weekday } from "../types";

// Helpers shared by the business-records pages (customers, services, opening hours, bookings).

// ── Problems ────────────────────────────────────────────────────────────────────────────────────────────

/** The field errors of a failed call, one message per field (`email`, `weeklyHours[0].closes`, `start`…). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.problem.errors ?? {}).map(([field, messages]) => [field, messages.join(" ")]));
}

/** One line for a form-level error: the problem's title (and detail), or what went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    // A missing permission names it (`errors.permission`): say so plainly rather than echo the code's name.
    if (error.status === 403 && error.problem.errors?.permission) return "Your role does not allow this.";
    return [title, detail].filter(Boolean).join(" ") || `Request failed (${error.status}).`;
  }
  return String(error);
}

// ── Raw HTTP (CSV up and down) with the in-memory token ─────────────────────────────────────────────────────

async function sendRaw(method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>): Promise<Response> {
  const call = (token: string | null) =>
    fetch(path, { method, body, credentials: "same-origin", headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  let response: Response;
  try {
    response = await call(currentToken());
    if (response.status === 401) {
      const renewed = await refresh();
      if (renewed) response = await call(renewed);
    }
  } catch {
    throw new ApiError(0, { title: "The server cannot be reached. Check the connection and try again." });
  }
  return response;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem & Record<string, unknown> = {};
  if ((response.headers.get("content-type") ?? "").includes("json")) problem = await response.json().catch(() => ({}));
  return new ApiError(response.status, { ...problem, title: problem.title ?? response.statusText, status: response.status });
}

/** Sends a text body (e.g. a CSV) and reads the JSON answer; a failure throws the problem, with its extensions. */
export async function postText<T>(path: string, text: string, contentType: string): Promise<T> {
  const response = await sendRaw("POST", path, text, { "Content-Type": contentType, Accept: "application/json" });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** Downloads an authenticated file (the token is not a cookie, so a plain link would not do). */
export async function downloadFile(path: string, fallbackName: string, post?: unknown): Promise<void> {
  const response = post === undefined
    ? await sendRaw("GET", path, undefined, { Accept: "*/*" })
    : await sendRaw("POST", path, JSON.stringify(post), { Accept: "*/*", "Content-Type": "application/json" });
  if (!response.ok) throw await problemOf(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ── Query string state ──────────────────────────────────────────────────────────────────────────────────

/** Replaces some query parameters of the current page (empty values removed), keeping the history entry. */
export function setQuery(values: Record<string, string | null | undefined>): void {
  const params = new URLSearchParams(location.value.search);
  for (const [key, value] of Object.entries(values)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString();
  navigate(`${location.value.path}${search ? `?${search}` : ""}`, { replace: true });
}

// ── Employees (performers, staff) ──────────────────────────────────────────────────────────────────────────

let employeesRequest: Promise<EmployeeProfile[]> | null = null;

/** The business's employees, fetched once per page load (a failure is retried next time). */
export function loadEmployees(): Promise<EmployeeProfile[]> {
  employeesRequest ??= get<EmployeeProfile[]>("/api/employees").catch((error) => {
    employeesRequest = null;
    throw error;
  });
  return employeesRequest;
}

// ── Local dates and times of the business ───────────────────────────────────────────────────────────────────

/**
 * The business's time zone, learnt from the bookings and slots the API answers (they carry it). Until then the
 * browser's zone stands in, which only matters for what "today" is.
 */
export const businessZone = signal<string | null>(null);

export function learnZone(zone: string | null | undefined): void {
  if (zone && zone !== businessZone.value) businessZone.value = zone;
}

/** The local date and minutes since midnight written in an ISO 8601 time with offset, as the business sees it. */
export function localParts(iso: string): { date: string; minutes: number; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return { date: iso.slice(0, 10), minutes: 0, time: "00:00" };
  return { date: match[1], minutes: Number(match[2]) * 60 + Number(match[3]), time: `${match[2]}:${match[3]}` };
}

function utcOf(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: string, days: number): string {
  const d = utcOf(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding a date. */
export function mondayOf(date: string): string {
  const weekday = (utcOf(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

export function isDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcOf(value).getTime());
}

/** Today's date in the business's zone (or the browser's). */
export function today(): string {
  const zone = businessZone.value ?? undefined;
  try {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date());
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("year")}-${part("month")}-${part("day")}`;
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export const weekdays: Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const weekdayNames: Record<Weekday, string> = {
  monday: "Monday", tuesday: "Tuesday", wednesday: "Wednesday", thursday: "Thursday", friday: "Friday", saturday: "Saturday", sunday: "Sunday",
};

const dayFormats = {
  long: new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  column: new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
  short: new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" }),
  withYear: new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

/** A local date ("2026-11-26") for people, e.g. "Thursday, 26 November 2026". */
export function formatDate(date: string, style: keyof typeof dayFormats = "long"): string {
  return dayFormats[style].format(utcOf(date));
}

/** "23 – 29 November 2026" */
export function formatWeek(monday: string): string {
  const sunday = addDays(monday, 6);
  return `${formatDate(monday, "short")} – ${formatDate(sunday, "withYear")}`;
}

/** The business-local date and time of an ISO time with offset: "Thursday, 26 November 2026, 10:00". */
export function formatLocal(iso: string): string {
  const { date, time } = localParts(iso);
  return `${formatDate(date)}, ${time}`;
}

/** An instant in the browser's zone, for "last seen" and history lines. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

// ── Money ────────────────────────────────────────────────────────────────────────────────────────────────

/** The digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

// ── Booking statuses (the API's rules: pending → confirmed → completed; open ones cancel; confirmed → no-show) ──

export const statusNames: Record<BookingStatus, string> = {
  pending: "Pending", confirmed: "Confirmed", completed: "Completed", cancelled: "Cancelled", no_show: "No-show",
};

export function nextStatuses(status: BookingStatus): BookingStatus[] {
  switch (status) {
    case "pending": return ["confirmed", "cancelled"];
    case "confirmed": return ["completed", "no_show", "cancelled"];
    default: return [];
  }
}

export function isOpenBooking(status: BookingStatus): boolean {
  return status === "pending" || status === "confirmed";
}

export function customerLabel(customer: { name?: string | null; phone?: string | null; waId?: string | null; email?: string | null }): string {
  return customer.name || customer.phone || (customer.waId ? `+${customer.waId}` : "") || customer.email || "Unnamed customer";
}
