import type { ComponentChildren } from "preact";
import { employee, logout, canManageSettings, can, twoFactorSetupRequired } from "../session";
import { NotificationBell } from "./NotificationBell";
import { liveState } from "../live";
import { location, navigate } from "../router";
import { useEffect } from "preact/hooks";
import { AwayToggle } from "./AwayToggle";
import { loadBranding, logoUrl } from "../branding";

function NavLink({ href, children, section }: { href: string; children: ComponentChildren; section?: string }) {
  const base = section ?? href;
  const active = location.value.path === base || location.value.path.startsWith(`${base}/`);
  return (
    <a href={href} class={active ? "active" : undefined} aria-current={active ? "page" : undefined}>
      {children}
    </a>
  );
}

/** The signed-in frame: navigation, the connection banner, and the page. */
export function Layout({ children }: { children: ComponentChildren }) {
  const state = liveState.value;
  const mayReadSettings = can("settings.read");
  useEffect(() => {
    if (mayReadSettings) void loadBranding();
  }, [mayReadSettings]);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <a href="/inbox" class="brand">{logoUrl.value && <img src={logoUrl.value} alt="" class="brand-logo" data-testid="brand-logo" />}Conversations</a>
        <nav aria-label="Main">
          <NavLink href="/inbox">Inbox</NavLink>
          <NavLink href="/bookings">Bookings</NavLink>
          <NavLink href="/customers">Customers</NavLink>
          <NavLink href="/services">Services</NavLink>
          <NavLink href="/outbox">Outbox</NavLink>
          <NavLink href="/team">Team</NavLink>
          {can("analytics.read") && <NavLink href="/analytics">Analytics</NavLink>}
          {canManageSettings.value ? <NavLink href="/settings/whatsapp" section="/settings">Settings</NavLink> : <NavLink href="/settings/security">Security</NavLink>}
        </nav>
        <div class="account">
          {!twoFactorSetupRequired.value && <NotificationBell />}
          <span class="who" title={employee.value?.email}>{employee.value?.displayName}</span>
          <AwayToggle />
          <button
            type="button"
            class="link-button"
            onClick={async () => {
              await logout();
              navigate("/login", { replace: true });
            }}
          >
            Log out
          </button>
        </div>
      </header>
      {(state === "reconnecting" || state === "offline") && (
        <div class="banner" role="status" data-testid="connection-banner">
          {state === "reconnecting" ? "Offline — reconnecting… Messages will catch up when the connection is back." : "Not connected to live updates."}
        </div>
      )}
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
