import { signal } from "@preact/signals";
import { api, get } from "./api";

/** Whether the owner finished the getting-started steps; null until asked (once per page load). */
export const onboardingCompleted = signal<boolean | null>(null);

let asked: Promise<void> | null = null;

export function loadOnboarding(): Promise<void> {
  asked ??= get<{ onboardingCompleted: boolean }>("/api/settings/workspace").then(
    (settings) => { onboardingCompleted.value = settings.onboardingCompleted; },
    () => { asked = null; },
  );
  return asked;
}

/** Remembers for the whole business that the steps are done, so the settings stop offering them. */
export async function completeOnboarding(): Promise<void> {
  await api("PATCH", "/api/settings/workspace", { onboardingCompleted: true });
  onboardingCompleted.value = true;
}
