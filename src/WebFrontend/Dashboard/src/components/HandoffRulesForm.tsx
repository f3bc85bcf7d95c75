import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "./records";
import { InputField, SelectField, Status } from "./RecordFields";
import type { AiSettings, AssistantTone, BusinessSettingsDocument } from "../types";

/** The assistant's tone and handoff rules, read from the settings document (for roles that may read it). */
export function HandoffRules() {
  const [ai, setAi] = useState<AiSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayRead = can("settings.read");
  useEffect(() => {
    if (mayRead) get<BusinessSettingsDocument>("/api/settings").then((s) => setAi(s.ai), (e) => setError(errorMessage(e)));
  }, [mayRead]);
  if (error) return <div class="form-error" role="alert">{error}</div>;
  return ai ? <HandoffRulesForm settings={ai} /> : null;
}

/** The assistant's tone and when it hands a customer to the team: the `ai` section of `PATCH /api/settings`. */
function HandoffRulesForm({ settings }: { settings: AiSettings }) {
  const [tone, setTone] = useState<AssistantTone>(settings.tone);
  const [max, setMax] = useState(settings.handoff.maxMisunderstandings?.toString() ?? "");
  const [keywords, setKeywords] = useState<string[]>(settings.handoff.keywords);
  const [keyword, setKeyword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The whole settings document is guarded by settings.manage, and its ai section by assistant.manage too.
  const readOnly = !can("assistant.manage") || !can("settings.manage");

  function addKeyword() {
    const word = keyword.trim().toLowerCase();
    if (word && !keywords.includes(word)) setKeywords([...keywords, word]);
    setKeyword("");
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    try {
      const pending = keyword.trim() ? [...keywords, keyword.trim().toLowerCase()] : keywords;
      const maxMisunderstandings = max.trim() === "" ? null : Number(max);
      const after = await api<BusinessSettingsDocument>("PATCH", "/api/settings", { ai: { tone, handoff: { maxMisunderstandings, keywords: pending } } });
      setKeyword("");
      setKeywords(after.ai.handoff.keywords);
      setMax(after.ai.handoff.maxMisunderstandings?.toString() ?? "");
      setTone(after.ai.tone);
      setStatus("Tone and handoff rules saved.");
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const keywordError = Object.entries(errors).filter(([k]) => k.startsWith("ai.handoff.keywords")).map(([, v]) => v).join(" ");
  return (
    <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="handoff-title">
      <h2 id="handoff-title">Tone and handoff</h2>
      <Status text={status} />
      {error && <div class="form-error" role="alert">{error}</div>}
      <fieldset class="plain" disabled={readOnly}>
        <SelectField label="Tone" name="tone" value={tone} onChange={(v) => setTone(v as AssistantTone)} error={errors["ai.tone"]}
          options={[["friendly", "Friendly"], ["formal", "Formal"], ["concise", "Concise"]]} hint="How the assistant words its replies." />
        <InputField label="Hand over after this many misunderstood messages" name="maxMisunderstandings" type="number" inputMode="numeric" min={1} max={10}
          value={max} onInput={setMax} error={errors["ai.handoff.maxMisunderstandings"]} hint="1 to 10 in a row; empty for the platform's default." />
        <div class="field">
          <label for="handoff-keyword">Handoff keywords</label>
          <ul class="tag-list" data-testid="handoff-keywords" aria-label="Keywords that hand over">
            {keywords.map((word) => (
              <li key={word}>
                {word}
                <button type="button" aria-label={`Remove ${word}`} onClick={() => setKeywords(keywords.filter((k) => k !== word))}>×</button>
              </li>
            ))}
          </ul>
          <div class="color-row">
            <input id="handoff-keyword" name="keyword" value={keyword} maxLength={50} aria-describedby="handoff-keyword-hint"
              aria-invalid={keywordError ? true : undefined}
              onInput={(e) => setKeyword((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === ",") {
                  e.preventDefault();
                  addKeyword();
                }
              }} />
            <button type="button" class="secondary" onClick={addKeyword}>Add keyword</button>
          </div>
          <p class="hint" id="handoff-keyword-hint">A customer whose message contains one of these words or phrases goes straight to the team (e.g. "human", "complaint").</p>
          {keywordError && <p class="error">{keywordError}</p>}
        </div>
      </fieldset>
      {readOnly ? <p class="meta">Changing these needs both the settings and the assistant permissions.</p> : (
        <div class="actions"><button type="submit" class="primary" disabled={busy}>Save tone and handoff rules</button></div>
      )}
    </form>
  );
}
