import { useEffect, useId, useState } from "preact/hooks";
import { api, fileUrl, get, upload } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { InputField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import { applyBranding, contrast } from "../branding";
import type { BusinessSettingsDocument, MediaFile } from "../types";

const commonLanguages = ["en", "en-GB", "en-US", "es", "es-MX", "pt", "pt-BR", "fr", "de", "it", "nl", "ca", "pl", "tr", "ar", "zh-Hans", "zh-Hant-TW", "ja", "ko"];

/** Every IANA zone the browser knows, for the searchable list (a few common ones when it cannot say). */
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return ["UTC", "Europe/London", "Europe/Madrid", "America/New_York", "America/Mexico_City", "America/Sao_Paulo", "Asia/Tokyo"];
  }
}

/** A text input with suggestions the browser filters as one types. */
function SuggestField(props: { label: string; name: string; value: string; onInput: (v: string) => void; options: string[]; error?: string; hint: string }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} value={props.value} list={`${id}-list`} autoComplete="off" aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ""}`} onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)} />
      <datalist id={`${id}-list`}>{props.options.map((o) => <option key={o} value={o} />)}</datalist>
      <p class="hint" id={`${id}-hint`}>{props.hint}</p>
      {props.error && <p class="error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

/** #RRGGBB as text (what is saved) with the browser's colour picker beside it; empty for the dashboard's own. */
function ColorField(props: { label: string; name: string; value: string; onInput: (v: string) => void; error?: string; hint: string }) {
  const id = useId();
  const valid = /^#[0-9a-f]{6}$/i.test(props.value);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="color-row">
        <input type="color" class="color-swatch" aria-label={`${props.label} picker`} value={valid ? props.value.toLowerCase() : "#0b6b4f"}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value.toUpperCase())} />
        <input id={id} name={props.name} value={props.value} placeholder="#RRGGBB" aria-invalid={props.error ? true : undefined}
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ""}`} onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)} />
        {props.value && <button type="button" class="secondary" onClick={() => props.onInput("")}>Use the default</button>}
      </div>
      <p class="hint" id={`${id}-hint`}>{props.hint}</p>
      {props.error && <p class="error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

/** The business's name, time zone, language and away message, and its branding: one document, `PATCH /api/settings`. */
export function GeneralSettingsPage() {
  const [settings, setSettings] = useState<BusinessSettingsDocument | null>(null);
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [language, setLanguage] = useState("");
  const [awayMessage, setAwayMessage] = useState("");
  const [logo, setLogo] = useState<string | null>(null);
  const [logoPreview, setLogoPreview] = useState<string | null>(null);
  const [primaryColor, setPrimaryColor] = useState("");
  const [accentColor, setAccentColor] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !can("settings.manage");
  const zones = useState(timeZones)[0];

  function show(s: BusinessSettingsDocument) {
    setSettings(s);
    setName(s.general.name);
    setTimeZone(s.general.timeZone);
    setLanguage(s.general.language);
    setAwayMessage(s.general.awayMessage ?? "");
    setLogo(s.branding.logoMediaId);
    setPrimaryColor(s.branding.primaryColor ?? "");
    setAccentColor(s.branding.accentColor ?? "");
  }

  useEffect(() => {
    get<BusinessSettingsDocument>("/api/settings").then(show, (e) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    let url: string | null = null;
    setLogoPreview(null);
    if (logo) fileUrl(`/api/media/${encodeURIComponent(logo)}`).then((u) => setLogoPreview((url = u)), () => undefined);
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [logo]);

  async function patch(body: Partial<Record<"general" | "branding", unknown>>, saved: string) {
    setBusy(true);
    setError(null);
    setStatus(null);
    setErrors({});
    try {
      const after = await api<BusinessSettingsDocument>("PATCH", "/api/settings", body);
      show(after);
      applyBranding(after.branding);
      setStatus(saved);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function chooseLogo(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setErrors({});
    setError(null);
    try {
      setLogo((await upload<MediaFile>("/api/media", file)).id);
    } catch (e) {
      setErrors({ "branding.logoMediaId": errorMessage(e) });
    } finally {
      input.value = "";
    }
  }

  const weekly = settings?.general.businessHours.weeklyHours ?? [];
  const primaryTooLight = /^#[0-9a-f]{6}$/i.test(primaryColor) && contrast(primaryColor, "#FFFFFF") < 4.5;

  return (
    <section class="page" aria-labelledby="general-title">
      <SettingsNav />
      <h1 id="general-title">General</h1>
      <Status text={status} />
      {error && <div class="form-error" role="alert">{error}</div>}
      {!settings && !error && <p>Loading…</p>}
      {settings && (
        <>
          <form class="card settings-form" noValidate aria-label="Business" onSubmit={(e) => {
            e.preventDefault();
            void patch({ general: { name: name.trim(), timeZone: timeZone.trim(), language: language.trim(), awayMessage: awayMessage.trim() || null } }, "General settings saved.");
          }}>
            <fieldset class="plain" disabled={readOnly}>
              <InputField label="Business name" name="name" value={name} onInput={setName} error={errors["general.name"]} maxLength={200} />
              <SuggestField label="Time zone" name="timeZone" value={timeZone} onInput={setTimeZone} options={zones} error={errors["general.timeZone"]}
                hint="Type to search, e.g. Europe/Madrid. Bookings and business hours are in this zone." />
              <SuggestField label="Language" name="language" value={language} onInput={setLanguage} options={commonLanguages} error={errors["general.language"]}
                hint="A BCP 47 tag such as en, es or pt-BR: the language the assistant and messages to customers use." />
              <InputField label="Away message" name="awayMessage" multiline rows={3} value={awayMessage} onInput={setAwayMessage} error={errors["general.awayMessage"]}
                maxLength={1000} hint="Sent automatically to customers who write outside business hours. Leave empty to send nothing." />
              <div class="field">
                <span class="label">Business hours</span>
                <p class="meta" data-testid="business-hours-summary">
                  {weekly.length === 0 ? "No business hours are set, so customers are never told you are away." : `Open on ${new Set(weekly.map((w) => w.weekday)).size} day(s) a week.`}{" "}
                  <a href="/services/hours">Edit the business hours</a>
                </p>
              </div>
            </fieldset>
            {!readOnly && <div class="actions"><button type="submit" class="primary" disabled={busy}>Save general settings</button></div>}
          </form>

          <form class="card settings-form" noValidate aria-labelledby="branding-title" onSubmit={(e) => {
            e.preventDefault();
            void patch({ branding: { logoMediaId: logo, primaryColor: primaryColor.trim() || null, accentColor: accentColor.trim() || null } }, "Branding saved.");
          }}>
            <h2 id="branding-title">Branding</h2>
            <fieldset class="plain" disabled={readOnly}>
              <div class="field">
                <label for="logo-file">Logo</label>
                {logoPreview && <img src={logoPreview} alt="The business's logo" class="logo-preview" data-testid="logo-preview" />}
                <input id="logo-file" type="file" accept="image/png,image/jpeg,image/webp" onChange={chooseLogo} aria-describedby="logo-hint" />
                <p class="hint" id="logo-hint">A PNG, JPEG or WebP image; it shows in the dashboard's top bar.</p>
                {logo && <div><button type="button" class="secondary" onClick={() => setLogo(null)}>Remove the logo</button></div>}
                {errors["branding.logoMediaId"] && <p class="error">{errors["branding.logoMediaId"]}</p>}
              </div>
              <ColorField label="Primary colour" name="primaryColor" value={primaryColor} onInput={setPrimaryColor} error={errors["branding.primaryColor"]}
                hint="The top bar, buttons and links, when it is dark enough to read white text on it (otherwise only the top bar's border)." />
              {primaryTooLight && <p class="notice" data-testid="contrast-note">This colour is too light for text on white; the dashboard uses it only as a border.</p>}
              <ColorField label="Accent colour" name="accentColor" value={accentColor} onInput={setAccentColor} error={errors["branding.accentColor"]}
                hint="The stripe under the top bar." />
            </fieldset>
            {!readOnly && <div class="actions"><button type="submit" class="primary" disabled={busy}>Save branding</button></div>}
          </form>
        </>
      )}
    </section>
  );
}
