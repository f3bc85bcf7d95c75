import { canManage } from "../session";
import { location } from "../router";

const managerLinks: [string, string][] = [
  ["/settings/whatsapp", "WhatsApp"],
  ["/settings/assistant", "Assistant"],
  ["/settings/templates", "Prompt templates"],
  ["/settings/knowledge", "Knowledge base"],
  ["/settings/voice", "Voice notes"],
  ["/settings/security", "Security"],
];

/** The settings pages' own navigation; people who cannot manage the business only see their security. */
export function SettingsNav() {
  const links = canManage.value ? managerLinks : managerLinks.filter(([href]) => href === "/settings/security");
  return (
    <nav class="settings-nav" aria-label="Settings">
      {links.map(([href, text]) => {
        const active = location.value.path === href;
        return (
          <a key={href} href={href} class={active ? "active" : undefined} aria-current={active ? "page" : undefined}>{text}</a>
        );
      })}
    </nav>
  );
}
