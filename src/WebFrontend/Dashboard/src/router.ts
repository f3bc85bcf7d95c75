import { signal } from "@preact/signals";

/** The current location (path and query), updated by links, navigate() and the back button. */
export const location = signal({ path: window.location.pathname, search: window.location.search });

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  location.value = { path: window.location.pathname, search: window.location.search };
}

window.addEventListener("popstate", () => {
  location.value = { path: window.location.pathname, search: window.location.search };
});

/** Plain left clicks on same-origin links navigate inside the app; others (new tab...) keep the browser's way. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.("a");
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (anchor.target || anchor.origin !== window.location.origin || anchor.hasAttribute("download")) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(location.value.search).get(name);
}
