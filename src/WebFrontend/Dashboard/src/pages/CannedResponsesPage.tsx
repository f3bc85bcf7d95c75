import { useEffect, useState } from "preact/hooks";
import { api, del, get, post } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { InputField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import type { CannedResponse } from "../types";

type Form = { shortcode: string; title: string; body: string };
const emptyForm: Form = { shortcode: "", title: "", body: "" };

/** The replies agents insert by typing "/" and the shortcode in the composer. */
export function CannedResponsesPage() {
  const [responses, setResponses] = useState<CannedResponse[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !can("canned_responses.write");

  async function load() {
    try {
      setResponses(await get<CannedResponse[]>("/api/canned-responses"));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => void load(), []);

  function edit(response: CannedResponse | null) {
    setEditing(response?.id ?? null);
    setForm(response ? { shortcode: response.shortcode, title: response.title, body: response.body } : emptyForm);
    setErrors({});
    setError(null);
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    const body = { shortcode: form.shortcode.trim(), title: form.title.trim(), body: form.body.trim() };
    try {
      if (editing) await api<CannedResponse>("PATCH", `/api/canned-responses/${editing}`, body);
      else await post<CannedResponse>("/api/canned-responses", body);
      setStatus(editing ? "Canned response saved." : "Canned response created.");
      edit(null);
      await load();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(response: CannedResponse) {
    if (!confirm(`Delete the canned response /${response.shortcode}?`)) return;
    try {
      await del(`/api/canned-responses/${response.id}`);
      setStatus("Canned response deleted.");
      if (editing === response.id) edit(null);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section class="page" aria-labelledby="canned-title">
      <SettingsNav />
      <h1 id="canned-title">Canned responses</h1>
      <p class="hint">In a conversation, type <kbd>/</kbd> and the shortcode, then Enter. The variables <code>{"{{customer.name}}"}</code>, <code>{"{{agent.name}}"}</code> and <code>{"{{business.name}}"}</code> are filled in.</p>
      <Status text={status} />
      {!readOnly && (
        <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="canned-form-title">
          <h2 id="canned-form-title">{editing ? "Edit canned response" : "New canned response"}</h2>
          {error && <div class="form-error" role="alert">{error}</div>}
          <InputField label="Shortcode" name="shortcode" value={form.shortcode} onInput={(shortcode) => setForm({ ...form, shortcode })} error={errors.shortcode} required maxLength={33} hint="Lower-case letters, digits, - or _ (e.g. thanks)." />
          <InputField label="Title" name="title" value={form.title} onInput={(title) => setForm({ ...form, title })} error={errors.title} required maxLength={100} />
          <InputField label="Text" name="body" multiline rows={4} value={form.body} onInput={(body) => setForm({ ...form, body })} error={errors.body} required />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : editing ? "Save canned response" : "Create canned response"}</button>
            {editing && <button type="button" class="secondary" onClick={() => edit(null)}>Cancel</button>}
          </div>
        </form>
      )}
      <section aria-labelledby="canned-list-title">
        <h2 id="canned-list-title">Responses</h2>
        {responses === null ? <p>Loading…</p> : responses.length === 0 ? <p class="empty">No canned responses yet.</p> : (
          <ul class="plain-list" data-testid="canned-responses">
            {responses.map((r) => (
              <li key={r.id}>
                <h3><code>/{r.shortcode}</code> {r.title}</h3>
                <p class="wrap clamp">{r.body}</p>
                <p class="meta">Used {r.usageCount} {r.usageCount === 1 ? "time" : "times"}</p>
                {!readOnly && (
                  <div class="actions">
                    <button type="button" class="small secondary" onClick={() => edit(r)} aria-label={`Edit /${r.shortcode}`}>Edit</button>
                    <button type="button" class="small danger" onClick={() => void remove(r)} aria-label={`Delete /${r.shortcode}`}>Delete</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
