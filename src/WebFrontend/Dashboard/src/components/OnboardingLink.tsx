import { useEffect } from "preact/hooks";
import { can } from "../session";
import { location } from "../router";
import { loadOnboarding, onboardingCompleted } from "../onboarding";

/** "Get started" among the settings, until the owner has finished the getting-started steps. */
export function OnboardingLink() {
  const allowed = can("settings.manage");
  useEffect(() => {
    if (allowed) void loadOnboarding();
  }, [allowed]);
  if (!allowed || onboardingCompleted.value !== false) return null;
  const active = location.value.path === "/onboarding";
  return <a href="/onboarding" class={active ? "active" : undefined} aria-current={active ? "page" : undefined}>Get started</a>;
}
