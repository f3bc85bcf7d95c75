import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { CheckField, InputField, SelectField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import { HandoffRules } from "../components/HandoffRulesForm";
import type { AssistantSettings } from "../types";

/** The business's assistant: on or off, which engine, the write-only API key and the standing instructions. */
export function AssistantSettingsPage() {
  const [settings, setSettings] = useState<AssistantSettings | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [provider, setProvider] = useState("offline");
  const [baseUrl, setBaseUrl] = useState("");
  const [model, setModel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  const [instructions, setInstructions] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !can("assistant.manage");

  function show(s: AssistantSettings) {
    setSettings(s);
    setEnabled(s.enabled);
    setProvider(s.provider);
    setBaseUrl(s.baseUrl ?? "");
    setModel(s.model ?? "");
    setInstructions(s.instructions ?? "");
    setApiKey("");
    setRemoveKey(false);
  }

  useEffect(() => {
    get<AssistantSettings>("/api/settings/ai").then(show, (e) => setError(errorMessage(e)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    setErrors({});
    try {
      const body: Record<string, unknown> = { enabled, provider, baseUrl: baseUrl.trim(), model: model.trim(), instructions };
      if (removeKey) body.apiKey = "";
      else if (apiKey.trim()) body.apiKey = apiKey.trim();
      show(await api<AssistantSettings>("PATCH", "/api/settings/ai", body));
      setStatus("Assistant settings saved.");
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page" aria-labelledby="assistant-title">
      <SettingsNav />
      <h1 id="assistant-title">Assistant</h1>
      <Status text={status} />
      {!settings && !error && <p>Loading…</p>}
      {settings && (
        <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="assistant-title">
          {error && <div class="form-error" role="alert">{error}</div>}
          <fieldset class="plain" disabled={readOnly}>
            <CheckField label="The assistant answers customers" name="enabled" checked={enabled} onChange={setEnabled} error={errors.enabled}
              hint="Off: every customer goes straight to the team." />
            <SelectField label="Engine" name="provider" value={provider} onChange={setProvider} error={errors.provider}
              options={[["offline", "Offline (built-in rules, no language model)"], ["openai", "OpenAI-compatible language model"]]} />
            {provider === "openai" && (
              <>
                <InputField label="Base URL" name="baseUrl" type="url" value={baseUrl} onInput={setBaseUrl} error={errors.baseUrl}
                  placeholder="https://api.openai.com/v1" hint="Leave empty for OpenAI itself." />
                <InputField label="Model" name="model" value={model} onInput={setModel} error={errors.model} placeholder="gpt-4o-mini" />
              </>
            )}
            <p class="meta" data-testid="api-key-state">{settings.hasApiKey ? "An API key is set." : "No API key is set."}</p>
            <InputField label={settings.hasApiKey ? "Replace the API key" : "API key"} name="apiKey" type="password" autoComplete="off" value={apiKey}
              onInput={setApiKey} error={errors.apiKey} hint="Write-only: stored encrypted and never shown again." />
            {settings.hasApiKey && <CheckField label="Remove the stored API key" name="removeKey" checked={removeKey} onChange={setRemoveKey} />}
            <InputField label="Instructions" name="instructions" multiline rows={5} value={instructions} onInput={setInstructions} error={errors.instructions}
              hint="What the assistant should always keep in mind (tone, policies)." />
          </fieldset>
          {readOnly ? <p class="meta">Your role may read the assistant's settings but not change them.</p> : (
            <div class="actions"><button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save assistant settings"}</button></div>
          )}
        </form>
      )}
      {settings && <HandoffRules />}
      {!settings && error && <div class="form-error" role="alert">{error}</div>}
    </section>
  );
}
