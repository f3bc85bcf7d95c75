import { signal } from "@preact/signals";
import { ApiError, get, post } from "./api";

// Web Push opt-in for this browser: the service worker (public/sw.js) shows what the server pushes while no tab is
// looking. The subscription belongs to the browser, so its state is read from the browser, not the server.

export type PushState = "unsupported" | "denied" | "off" | "on" | "busy";

export const pushState = signal<PushState>("off");
export const pushError = signal<string | null>(null);

function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && window.isSecureContext;
}

/** The VAPID key as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function readPushState(): Promise<void> {
  if (!supported()) {
    pushState.value = "unsupported";
    return;
  }
  try {
    pushState.value = (await currentSubscription()) ? "on" : Notification.permission === "denied" ? "denied" : "off";
  } catch {
    pushState.value = "off";
  }
}

/** Asks for permission, subscribes with the server's VAPID key and registers the subscription with the API. */
export async function enablePush(): Promise<void> {
  pushError.value = null;
  pushState.value = "busy";
  try {
    if ((await Notification.requestPermission()) !== "granted") {
      pushState.value = Notification.permission === "denied" ? "denied" : "off";
      return;
    }
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    const { key } = await get<{ key: string }>("/api/notifications/vapid-public-key");
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
    const json = subscription.toJSON();
    await post("/api/notifications/subscribe", { endpoint: json.endpoint, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth } });
    pushState.value = "on";
  } catch (e) {
    pushError.value = e instanceof ApiError ? e.message : `Push notifications could not be turned on: ${e instanceof Error ? e.message : String(e)}`;
    await readPushState();
  }
}

/** Unsubscribes this browser and tells the API to stop pushing to it. */
export async function disablePush(): Promise<void> {
  pushError.value = null;
  pushState.value = "busy";
  try {
    const subscription = await currentSubscription();
    if (subscription) {
      const endpoint = subscription.endpoint;
      await subscription.unsubscribe();
      // Already gone on the server (404) is what we wanted anyway.
      await post("/api/notifications/unsubscribe", { endpoint }).catch((e) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      });
    }
    pushState.value = "off";
  } catch (e) {
    pushError.value = e instanceof ApiError ? e.message : String(e);
    await readPushState();
  }
}
