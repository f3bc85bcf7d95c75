import { can } from "../session";
import { location } from "../router";
import { OnboardingLink } from "./OnboardingLink";

/** Each page, and the permission that lets one change what it shows (null: everyone's own security). */
const pages: [string, string, string | null][] = [
  ["/settings/general", "General", "settings.manage"],
  ["/settings/whatsapp", "WhatsApp", "settings.manage"],
  ["/settings/assistant", "Assistant", "assistant.manage"],
  ["/settings/templates", "Prompt templates", "templates.manage"],
  ["/settings/knowledge", "Knowledge base", "knowledge.manage"],
  ["/settings/voice", "Voice notes", "assistant.manage"],
  ["/settings/canned-responses", "Canned responses", "canned_responses.write"],
  ["/settings/roles", "Roles", "roles.manage"],
  ["/settings/security", "Security", null],
  ["/settings/billing", "Billing", "billing.manage"],
];

/** The settings pages' own navigation: the pages one's role may change, and one's own security. */
export function SettingsNav() {
  const links = pages.filter(([, , permission]) => permission === null || can(permission)).map(([href, text]) => [href, text]);
  return (
    <nav class="settings-nav" aria-label="Settings">
      {links.map(([href, text]) => {
        const active = location.value.path === href;
        return (
          <a key={href} href={href} class={active ? "active" : undefined} aria-current={active ? "page" : undefined}>{text}</a>
        );
      })}
      <OnboardingLink />
    </nav>
  );
}
