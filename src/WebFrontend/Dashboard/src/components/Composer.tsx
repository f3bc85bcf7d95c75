import { useEffect, useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { Field, FormError } from "./Field";
import type { Message } from "../types";

function newClientMessageId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Text put into the composer from outside (the assistant's draft); a new `key` puts it in again. */
export type Prefill = { text: string; key: number };

type Props = { conversationId: string; onSent: (message: Message) => void; prefill?: Prefill | null };

/**
 * Sends text; when the API says the 24-hour window is closed (422, errors.template), offers the template
 * form instead. A retry after a failure reuses the same client message id, so the server stores it once.
 */
export function Composer({ conversationId, onSent, prefill }: Props) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (prefill) {
      setText(prefill.text);
      document.getElementById("composer-text")?.focus();
    }
  }, [prefill?.key]);
  const [clientMessageId, setClientMessageId] = useState(newClientMessageId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templateNeeded, setTemplateNeeded] = useState<string | null>(null);
  const [template, setTemplate] = useState({ name: "", language: "en_US", parameters: [] as string[] });
  const [templateErrors, setTemplateErrors] = useState<Record<string, string>>({});

  async function send(body: Record<string, unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      const message = await post<Message>("/api/messages", { conversationId, clientMessageId, ...body });
      onSent(message);
      setClientMessageId(newClientMessageId());
      after();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.field("template") && !body.template) {
        setTemplateNeeded(e.problem.detail ?? e.message);
        setClientMessageId(newClientMessageId());
      } else if (e instanceof ApiError) {
        setTemplateErrors(Object.fromEntries(Object.entries(e.problem.errors ?? {}).map(([k, v]) => [k, v.join(" ")])));
        setError(e.field("text") ?? e.message);
      } else {
        setError(String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  function sendText(event?: Event) {
    event?.preventDefault();
    if (!text.trim() || busy) return;
    void send({ text }, () => setText(""));
  }

  function sendTemplate(event: Event) {
    event.preventDefault();
    void send({ template: { name: template.name.trim(), language: template.language.trim(), parameters: template.parameters } }, () => {
      setTemplateNeeded(null);
      setTemplate({ name: "", language: template.language, parameters: [] });
    });
  }

  if (templateNeeded) {
    return (
      <form class="composer template-form" onSubmit={sendTemplate} aria-labelledby="template-title">
        <h3 id="template-title">Send a template</h3>
        <p class="hint">{templateNeeded}</p>
        <FormError error={error} />
        <Field label="Template name" name="templateName" value={template.name} onInput={(name) => setTemplate({ ...template, name })} error={templateErrors["template.name"]} required autoFocus />
        <Field label="Language" name="templateLanguage" value={template.language} onInput={(language) => setTemplate({ ...template, language })} error={templateErrors["template.language"]} required hint="e.g. en_US, es" />
        {template.parameters.map((value, i) => (
          <div class="parameter" key={i}>
            <Field
              label={`Parameter {{${i + 1}}}`}
              name={`parameter${i + 1}`}
              value={value}
              onInput={(v) => setTemplate({ ...template, parameters: template.parameters.map((p, j) => (j === i ? v : p)) })}
            />
            <button type="button" class="link-button" onClick={() => setTemplate({ ...template, parameters: template.parameters.filter((_, j) => j !== i) })}>
              Remove parameter {i + 1}
            </button>
          </div>
        ))}
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setTemplate({ ...template, parameters: [...template.parameters, ""] })}>Add parameter</button>
          <button type="button" class="secondary" onClick={() => setTemplateNeeded(null)}>Cancel</button>
          <button type="submit" class="primary" disabled={busy || !template.name.trim()}>Send template</button>
        </div>
      </form>
    );
  }

  return (
    <form class="composer" onSubmit={sendText}>
      <FormError error={error} />
      <div class="composer-row">
        <label for="composer-text" class="visually-hidden">Message</label>
        <textarea
          id="composer-text"
          rows={2}
          value={text}
          placeholder="Write a reply… (Enter sends, Shift+Enter for a new line)"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) sendText(e);
          }}
        />
        <button type="submit" class="primary" disabled={busy || !text.trim()}>Send</button>
      </div>
    </form>
  );
}
