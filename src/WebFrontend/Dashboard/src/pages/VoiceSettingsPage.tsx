import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { CheckField, InputField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import type { VoiceSettings } from "../types";

/** Voice-note transcription: on or off, the model, its own endpoint and write-only key (else the assistant's). */
export function VoiceSettingsPage() {
  const [settings, setSettings] = useState<VoiceSettings | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [model, setModel] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !can("assistant.manage");

  function show(s: VoiceSettings) {
    setSettings(s);
    setEnabled(s.enabled);
    setModel(s.model ?? "");
    setBaseUrl(s.baseUrl ?? "");
    setApiKey("");
    setRemoveKey(false);
  }

  useEffect(() => {
    get<VoiceSettings>("/api/settings/voice").then(show, (e) => setError(errorMessage(e)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    try {
      const body: Record<string, unknown> = { enabled, model: model.trim(), baseUrl: baseUrl.trim() };
      if (removeKey) body.apiKey = "";
      else if (apiKey.trim()) body.apiKey = apiKey.trim();
      show(await api<VoiceSettings>("PATCH", "/api/settings/voice", body));
      setStatus("Voice settings saved.");
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page" aria-labelledby="voice-title">
      <SettingsNav />
      <h1 id="voice-title">Voice notes</h1>
      <Status text={status} />
      {!settings && (error ? <div class="form-error" role="alert">{error}</div> : <p>Loading…</p>)}
      {settings && (
        <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="voice-title">
          {error && <div class="form-error" role="alert">{error}</div>}
          <fieldset class="plain" disabled={readOnly}>
            <CheckField label="Transcribe customers' voice notes automatically" name="enabled" checked={enabled} onChange={setEnabled} error={errors.enabled} />
            <InputField label="Model" name="model" value={model} onInput={setModel} error={errors.model} placeholder="whisper-1" />
            <InputField label="Base URL" name="baseUrl" type="url" value={baseUrl} onInput={setBaseUrl} error={errors.baseUrl}
              hint="Empty: the assistant's OpenAI-compatible endpoint and key are used." />
            <p class="meta" data-testid="voice-key-state">
              {settings.hasApiKey ? "An API key is set." : "No API key is set."} {settings.hasEndpoint ? "An endpoint is available." : "No endpoint is available yet."}
            </p>
            <InputField label={settings.hasApiKey ? "Replace the API key" : "API key"} name="apiKey" type="password" autoComplete="off" value={apiKey}
              onInput={setApiKey} error={errors.apiKey} hint="Write-only: stored encrypted and never shown again." />
            {settings.hasApiKey && <CheckField label="Remove the stored API key" name="removeKey" checked={removeKey} onChange={setRemoveKey} />}
          </fieldset>
          {readOnly ? <p class="meta">Your role may read the voice settings but not change them.</p> : (
            <div class="actions"><button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save voice settings"}</button></div>
          )}
        </form>
      )}
    </section>
  );
}
