import { useEffect, useRef, useState } from "preact/hooks";
import { api, get, post } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { InputField, SelectField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import { formatDateTime } from "../format";
import type { PromptTemplate, PromptTemplateDetails, PromptTestResult, PromptVariable } from "../types";

const flowStates: [string, string][] = [
  ["greeting", "Greeting"],
  ["service_selection", "Service selection"],
  ["scheduling", "Scheduling"],
  ["confirmation", "Confirmation"],
  ["payment", "Payment"],
  ["booked", "Booked"],
  ["faq", "Questions (FAQ)"],
  ["handoff", "Handoff"],
];

/** The assistant's prompt templates: one flow state at a time, its templates, and the chosen one's editor. */
export function TemplatesPage() {
  const [flowState, setFlowState] = useState("greeting");
  const [templates, setTemplates] = useState<PromptTemplate[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [variables, setVariables] = useState<PromptVariable[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function load(state: string, keep?: string | null) {
    try {
      const list = await get<PromptTemplate[]>(`/api/templates?flowState=${encodeURIComponent(state)}`);
      setTemplates(list);
      setSelectedId(keep && list.some((t) => t.id === keep) ? keep : (list.find((t) => t.isActive) ?? list[0])?.id ?? null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => {
    get<PromptVariable[]>("/api/templates/variables").then(setVariables, () => undefined);
  }, []);
  useEffect(() => {
    setTemplates(null);
    void load(flowState);
  }, [flowState]);

  return (
    <section class="page" aria-labelledby="templates-title">
      <SettingsNav />
      <h1 id="templates-title">Prompt templates</h1>
      <p class="meta">What the assistant is told at each step of a conversation. A step without an active template uses the built-in default.</p>
      {error && <div class="form-error" role="alert">{error}</div>}
      <div class="field-row">
        <SelectField label="Flow state" name="flowState" value={flowState} onChange={setFlowState} options={flowStates} />
        {templates && templates.length > 0 && (
          <SelectField label="Template" name="template" value={selectedId ?? ""} onChange={setSelectedId}
            options={templates.map((t) => [t.id, `${t.name}${t.isActive ? " (active)" : ""} · v${t.version}`] as [string, string])} />
        )}
      </div>
      {templates && templates.length === 0 && <p class="empty">No template for this state: the built-in default is used.</p>}
      {selectedId && <TemplateEditor key={selectedId} id={selectedId} variables={variables} onSaved={() => void load(flowState, selectedId)} />}
    </section>
  );
}

function TemplateEditor({ id, variables, onSaved }: { id: string; variables: PromptVariable[]; onSaved: () => void }) {
  const [template, setTemplate] = useState<PromptTemplateDetails | null>(null);
  const [name, setName] = useState("");
  const [body, setBody] = useState("");
  const [variable, setVariable] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<PromptTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const bodyWrap = useRef<HTMLDivElement>(null);
  const selection = useRef<[number, number] | null>(null);
  const readOnly = !can("templates.manage");

  function show(t: PromptTemplateDetails) {
    setTemplate(t);
    setName(t.name);
    setBody(t.body);
  }

  useEffect(() => {
    get<PromptTemplateDetails>(`/api/templates/${id}`).then(show, (e) => setError(errorMessage(e)));
  }, [id]);

  const textarea = () => bodyWrap.current?.querySelector("textarea") ?? null;

  /** Remembers where the cursor was in the body, since choosing a variable moves the focus away. */
  function remember() {
    const area = textarea();
    if (area) selection.current = [area.selectionStart, area.selectionEnd];
  }

  function insert() {
    const chosen = variable || variables[0]?.name;
    if (!chosen) return;
    const token = `{{ ${chosen} }}`;
    const [start, end] = selection.current ?? [body.length, body.length];
    const next = body.slice(0, start) + token + body.slice(end);
    setBody(next);
    const caret = start + token.length;
    selection.current = [caret, caret];
    requestAnimationFrame(() => {
      const area = textarea();
      if (!area) return;
      area.focus();
      area.setSelectionRange(caret, caret);
    });
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    setStatus(null);
    try {
      await api<PromptTemplate>("PATCH", `/api/templates/${id}`, { name: name.trim(), body });
      show(await get<PromptTemplateDetails>(`/api/templates/${id}`));
      setStatus("Template saved as a new version.");
      onSaved();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function activate() {
    try {
      await api<PromptTemplate>("PATCH", `/api/templates/${id}`, { isActive: true });
      show(await get<PromptTemplateDetails>(`/api/templates/${id}`));
      setStatus("Template activated.");
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function restore(version: number) {
    setError(null);
    try {
      await post(`/api/templates/${id}/versions/${version}/restore`);
      show(await get<PromptTemplateDetails>(`/api/templates/${id}`));
      setStatus(`Version ${version} restored.`);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function runTest() {
    setTest(null);
    setTestError(null);
    try {
      setTest(await post<PromptTestResult>(`/api/templates/${id}/test`, {}));
    } catch (e) {
      setTestError(errorMessage(e));
    }
  }

  if (!template) return error ? <div class="form-error" role="alert">{error}</div> : <p>Loading…</p>;

  return (
    <div class="template-editor">
      <Status text={status} />
      <form class="card settings-form" onSubmit={save} noValidate aria-label="Edit template">
        {error && <div class="form-error" role="alert">{error}</div>}
        <p class="meta">Version {template.version}{template.isActive ? ", active" : ", not active"} · changed {formatDateTime(template.updatedAt)}</p>
        <fieldset class="plain" disabled={readOnly}>
          <InputField label="Name" name="name" value={name} onInput={setName} error={errors.name} maxLength={200} />
          <div ref={bodyWrap} onKeyUp={remember} onMouseUp={remember} onFocusOut={remember}>
            <InputField label="Body" name="body" multiline rows={10} value={body} onInput={setBody} error={errors.body}
              hint="Variables are written {{ name }}; insert one at the cursor below." />
          </div>
          {variables.length > 0 && (
            <div class="inline-form variable-picker">
              <SelectField label="Variable" name="variable" value={variable || variables[0].name} onChange={setVariable}
                options={variables.map((v) => [v.name, `${v.name} — ${v.description}`] as [string, string])} />
              <button type="button" class="secondary" onClick={insert}>Insert variable</button>
            </div>
          )}
        </fieldset>
        <div class="actions">
          {!readOnly && <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save template"}</button>}
          {!readOnly && !template.isActive && <button type="button" class="secondary" onClick={() => void activate()}>Make active</button>}
          <button type="button" class="secondary" onClick={() => void runTest()}>Test render</button>
        </div>
      </form>
      {(test || testError) && (
        <section class="card" aria-labelledby="render-title" data-testid="test-render">
          <h2 id="render-title">Test render</h2>
          {testError ? <div class="form-error" role="alert">{testError}</div> : <pre class="rendered wrap">{test!.rendered}</pre>}
          {test && <p class="meta">Rendered from the saved version with sample values.</p>}
        </section>
      )}
      <section class="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <ol class="plain-list" data-testid="versions">
          {template.versions.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong> <span class="meta">{v.name} · {formatDateTime(v.changedAt)}</span>
              <details>
                <summary>Show the text of version {v.version}</summary>
                <pre class="rendered wrap">{v.body}</pre>
              </details>
              {!readOnly && v.version !== template.version && (
                <button type="button" class="small secondary" onClick={() => void restore(v.version)}>Restore version {v.version}</button>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
