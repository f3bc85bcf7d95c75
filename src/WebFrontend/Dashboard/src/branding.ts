import { signal } from "@preact/signals";
import { fileUrl, get } from "./api";
import type { Branding, BusinessSettingsDocument } from "./types";

/** The business's branding as last read or saved; null until known (or for roles that may not read the settings). */
export const branding = signal<Branding | null>(null);

/** The logo as an object URL (media needs the bearer token, so a plain src would not do). */
export const logoUrl = signal<string | null>(null);

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #RRGGBB. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Black or white, whichever reads better on the colour. */
export function textOn(hex: string): string {
  return contrast(hex, "#000000") >= contrast(hex, "#FFFFFF") ? "#000000" : "#FFFFFF";
}

/**
 * The business's colours on the dashboard. The primary colour becomes the accent of buttons and links only when it reads
 * on white (4.5:1), since links are drawn in it on the white surface; otherwise, like the accent colour, it only marks
 * borders (the top bar's stripe), where contrast does not carry meaning.
 */
export function applyBranding(value: Branding | null): void {
  const root = document.documentElement.style;
  const primary = value?.primaryColor ?? null;
  const accent = value?.accentColor ?? null;
  if (primary && contrast(primary, "#FFFFFF") >= 4.5) {
    root.setProperty("--accent", primary);
    root.setProperty("--accent-text", textOn(primary));
  } else {
    root.removeProperty("--accent");
    root.removeProperty("--accent-text");
  }
  const stripe = accent ?? primary;
  if (stripe) root.setProperty("--brand-stripe", stripe);
  else root.removeProperty("--brand-stripe");
  const previousLogo = branding.value?.logoMediaId ?? null;
  branding.value = value;
  const logo = value?.logoMediaId ?? null;
  if (logo !== previousLogo || (logo && !logoUrl.value)) {
    if (logoUrl.value) URL.revokeObjectURL(logoUrl.value);
    logoUrl.value = null;
    if (logo) fileUrl(`/api/media/${encodeURIComponent(logo)}`).then((url) => (logoUrl.value = url), () => undefined);
  }
}

/** Reads the business's branding once signed in; roles without settings.read keep the dashboard's own colours. */
export async function loadBranding(): Promise<void> {
  try {
    applyBranding((await get<BusinessSettingsDocument>("/api/settings")).branding);
  } catch {
    applyBranding(null);
  }
}
