import { signal, computed } from "@preact/signals";
import { api, useTokens } from "./api";
import type { Employee, TokenResponse } from "./types";

// The access token lives in memory only; the refresh token is an httpOnly cookie on /api/auth that no
// script can read. On load and shortly before the access token expires, POST /api/auth/refresh trades
// the cookie for a new pair.

export const employee = signal<Employee | null>(null);
/** False until the first refresh attempt on load has answered. */
export const sessionChecked = signal(false);
/** The business requires two-factor authentication and this employee must set it up before anything else. */
export const twoFactorSetupRequired = signal(false);

/** Whether the signed-in employee's role grants a permission (the server checks it again on every request). */
export function can(permission: string): boolean {
  return employee.value?.permissions?.includes(permission) ?? false;
}

/** Owners and admins, as pages asked before roles had permissions; prefer `can(permission)` for what a page does. */
export const canManage = computed(() => can("employees.manage"));
export const canManageSettings = computed(() => can("settings.manage"));
export const canManageServices = computed(() => can("services.manage"));
export const canManageTeam = computed(() => can("employees.manage"));
export const canSupervise = computed(() => can("conversations.supervise"));

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<string | null> | null = null;

export function currentToken(): string | null {
  return accessToken;
}

function accept(response: TokenResponse): void {
  accessToken = response.accessToken;
  employee.value = response.employee;
  twoFactorSetupRequired.value = response.twoFactorSetupRequired === true;
  clearTimeout(refreshTimer);
  // Renew a minute before expiry (or at half the lifetime for very short tokens).
  const lifetime = new Date(response.expiresAt).getTime() - Date.now();
  const delay = Math.max(5_000, Math.min(lifetime - 60_000, lifetime / 2));
  refreshTimer = setTimeout(() => void refresh(), delay);
}

function clear(): void {
  accessToken = null;
  employee.value = null;
  twoFactorSetupRequired.value = false;
  clearTimeout(refreshTimer);
}

/** Trades the refresh cookie for a new token pair; null (and logged out) when the session is over. */
export function refresh(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch("/api/auth/refresh", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
      if (!response.ok) {
        clear();
        return null;
      }
      accept((await response.json()) as TokenResponse);
      return accessToken;
    } catch {
      // Offline: keep the current token; the next call or timer tries again.
      return accessToken;
    } finally {
      refreshing = null;
      sessionChecked.value = true;
    }
  })();
  return refreshing;
}

useTokens({ current: currentToken, renew: refresh });

type TwoFactorChallenge = { twoFactorRequired: true; challengeToken: string; expiresAt: string };

/** Logs in; with two-factor authentication on, returns the challenge to answer with a code instead. */
export async function login(email: string, password: string): Promise<TwoFactorChallenge | null> {
  const answer = await api<TokenResponse | TwoFactorChallenge>("POST", "/api/auth/login", { email, password }, { anonymous: true });
  if ("twoFactorRequired" in answer && answer.twoFactorRequired) return answer;
  accept(answer as TokenResponse);
  return null;
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function answerChallenge(challengeToken: string, code: string): Promise<void> {
  const recovery = code.includes("-");
  accept(await api<TokenResponse>("POST", "/api/auth/login/2fa", recovery ? { challengeToken, recoveryCode: code } : { challengeToken, code }, { anonymous: true }));
}

export async function acceptInvitation(token: string, displayName: string, password: string): Promise<void> {
  accept(await api<TokenResponse>("POST", "/api/auth/accept-invitation", { token, displayName, password }, { anonymous: true }));
}

export async function logout(): Promise<void> {
  try {
    await api<void>("POST", "/api/auth/logout", {});
  } catch {
    // The session ends locally whatever the server says.
  }
  clear();
}
