import type { Problem } from "./types";

/** A failed API call: the HTTP status and the problem details the server sent. */
export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(problem.title ?? `Request failed (${status})`);
  }

  /** The messages for one field, e.g. `email` or `template`. */
  field(name: string): string | undefined {
    return this.problem.errors?.[name]?.join(" ");
  }
}

type TokenSource = {
  current(): string | null;
  /** Gets a fresh access token after a 401; null when the session is over. */
  renew(): Promise<string | null>;
};

let tokens: TokenSource = { current: () => null, renew: async () => null };

export function useTokens(source: TokenSource): void {
  tokens = source;
}

async function parse(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) return response.json();
  return undefined;
}

async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
}

/** Calls the API with the in-memory access token, renewing it once when the server says it expired. */
export async function api<T>(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, body, options.anonymous ? null : tokens.current());
    if (response.status === 401 && !options.anonymous) {
      const renewed = await tokens.renew();
      if (renewed) response = await send(method, path, body, renewed);
    }
  } catch {
    throw new ApiError(0, { title: "The server cannot be reached. Check the connection and try again." });
  }

  const payload = await parse(response).catch(() => undefined);
  if (!response.ok) {
    const problem = (payload as Problem | undefined) ?? {};
    throw new ApiError(response.status, { ...problem, title: problem.title ?? response.statusText, status: response.status });
  }

  return payload as T;
}

/** Uploads one file as the multipart field `file`, renewing the token once like `api`. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const attempt = (token: string | null) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return fetch(path, { method: "POST", body: form, credentials: "same-origin", headers: token ? { Accept: "application/json", Authorization: `Bearer ${token}` } : { Accept: "application/json" } });
  };
  let response: Response;
  try {
    response = await attempt(tokens.current());
    if (response.status === 401) {
      const renewed = await tokens.renew();
      if (renewed) response = await attempt(renewed);
    }
  } catch {
    throw new ApiError(0, { title: "The server cannot be reached. Check the connection and try again." });
  }
  const payload = await parse(response).catch(() => undefined);
  if (!response.ok) {
    const problem = (payload as Problem | undefined) ?? {};
    throw new ApiError(response.status, { ...problem, title: problem.title ?? response.statusText, status: response.status });
  }
  return payload as T;
}

/** An API file (media) as a local object URL for <img>/<a>: the API wants the bearer token, which an <img> cannot send. */
export async function fileUrl(path: string): Promise<string> {
  let response = await fetch(path, { headers: { Authorization: `Bearer ${tokens.current() ?? ""}` }, credentials: "same-origin" });
  if (response.status === 401) {
    const renewed = await tokens.renew();
    if (renewed) response = await fetch(path, { headers: { Authorization: `Bearer ${renewed}` }, credentials: "same-origin" });
  }
  if (!response.ok) throw new ApiError(response.status, { title: response.statusText, status: response.status });
  return URL.createObjectURL(await response.blob());
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body?: unknown, options?: { anonymous?: boolean }) => api<T>("POST", path, body ?? {}, options);
export const del = (path: string) => api<void>("DELETE", path);

/** A query string from the set values only. */
export function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== "" && value !== false) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
