// The dashboard's service worker: shows the notifications the server pushes (Web Push, RFC 8030) while no tab
// is looking, and opens the conversation when one is clicked. It caches nothing: the app needs the network anyway.
// The server's payload (WebPush.DeliverAsync): { id, kind, title, conversationId }.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : "" };
  }
  const url = data.conversationId ? `/inbox/${encodeURIComponent(data.conversationId)}` : "/inbox";
  event.waitUntil(
    self.registration.showNotification(data.title || "Conversations", {
      tag: data.id || undefined,
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || "/inbox", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        open.navigate(url);
        return open.focus();
      }
      return self.clients.openWindow(url);
    }),
  );
});
