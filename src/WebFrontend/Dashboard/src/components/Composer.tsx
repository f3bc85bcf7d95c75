import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, get, post, upload } from "../api";
import { Field, FormError } from "./Field";
import { EmojiPicker } from "./EmojiPicker";
import { sendTyping } from "../live";
import type { CannedResponse, MediaFile, Message, RenderedResponse } from "../types";

/** The types the media API accepts (it reads the type from the content, so this only guides the file chooser). */
const acceptedFiles = "image/jpeg,image/png,image/gif,image/webp,application/pdf,video/mp4,video/3gpp,audio/ogg,audio/mpeg,audio/aac,audio/mp4,audio/amr";

/** The shortcode being typed: the text is "/" and a word, nothing else yet. */
function shortcodeQuery(text: string): string | null {
  const match = /^\/([a-z0-9_-]*)$/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}

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
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  // Where the caret was when the emoji grid opened: the emoji goes there, not at the end.
  const caret = useRef<[number, number]>([0, 0]);
  const [attachment, setAttachment] = useState<MediaFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const [canned, setCanned] = useState<CannedResponse[] | null>(null);
  const [activeCanned, setActiveCanned] = useState(0);
  const [cannedClosed, setCannedClosed] = useState(false);

  const query = shortcodeQuery(text);
  const suggestions = query === null || cannedClosed || !canned
    ? []
    : canned.filter((c) => c.shortcode.startsWith(query) || c.title.toLowerCase().includes(query)).slice(0, 8);
  const suggesting = suggestions.length > 0;

  // The canned responses are fetched once, the first time "/" starts a message.
  useEffect(() => {
    if (query !== null && canned === null) {
      setCanned([]);
      get<CannedResponse[]>("/api/canned-responses").then(setCanned, () => setCanned([]));
    }
    setActiveCanned(0);
  }, [query]);

  function insertAtCaret(insert: string) {
    const [start, end] = caret.current;
    const next = text.slice(0, start) + insert + text.slice(end);
    setText(next);
    const position = start + insert.length;
    caret.current = [position, position];
    requestAnimationFrame(() => {
      const element = textarea.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(position, position);
    });
  }

  function rememberCaret() {
    const element = textarea.current;
    if (element) caret.current = [element.selectionStart ?? text.length, element.selectionEnd ?? text.length];
  }

  /** Puts a canned response in, its variables filled for this conversation's customer (the server renders and counts the use). */
  async function applyCanned(response: CannedResponse) {
    setCannedClosed(true);
    try {
      const rendered = await post<RenderedResponse>(`/api/canned-responses/${response.id}/use`, { conversationId });
      setText(rendered.text);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    requestAnimationFrame(() => textarea.current?.focus());
  }

  async function attach(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      setAttachment(await upload<MediaFile>("/api/media", file));
    } catch (e) {
      setError(e instanceof ApiError ? e.field("file") ?? e.message : String(e));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

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
    if ((!text.trim() && !attachment) || busy || uploading) return;
    if (attachment) {
      void send({ text: text.trim() || undefined, media: { mediaId: attachment.id } }, () => {
        setText("");
        setAttachment(null);
      });
    } else {
      void send({ text }, () => setText(""));
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (suggesting) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setActiveCanned((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey) {
        e.preventDefault();
        void applyCanned(suggestions[Math.min(activeCanned, suggestions.length - 1)]);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setCannedClosed(true);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) sendText(e);
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

  const activeId = suggesting ? `canned-${suggestions[Math.min(activeCanned, suggestions.length - 1)].id}` : undefined;
  return (
    <form class="composer" onSubmit={sendText}>
      <FormError error={error} />
      {attachment && (
        <div class="attachment" data-testid="attachment">
          <span>Attached: <strong>{attachment.fileName ?? "File"}</strong></span>
          <span class="meta"> · {attachment.kind}, {Math.max(1, Math.round(attachment.sizeBytes / 1024))} KB</span>
          <button type="button" class="link-button" onClick={() => setAttachment(null)} aria-label={`Remove attachment ${attachment.fileName ?? ""}`}>Remove</button>
        </div>
      )}
      {uploading && <p class="meta" role="status">Uploading…</p>}
      {suggesting && (
        <ul id="canned-list" class="canned-list" role="listbox" aria-label="Canned responses">
          {suggestions.map((c, i) => (
            <li key={c.id} id={`canned-${c.id}`} role="option" aria-selected={i === activeCanned}
              onMouseDown={(e) => { e.preventDefault(); void applyCanned(c); }}>
              <span class="shortcode">/{c.shortcode}</span> <span class="title">{c.title}</span>
              <span class="body meta">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="composer-row">
        <div class="composer-tools">
          <div class="emoji-wrap">
            <button type="button" class="secondary icon" aria-label="Insert emoji" aria-haspopup="dialog" aria-expanded={emojiOpen}
              onClick={() => { if (!emojiOpen) rememberCaret(); setEmojiOpen(!emojiOpen); }}>
              <span aria-hidden="true">😊</span>
            </button>
            {emojiOpen && (
              <EmojiPicker
                onPick={(emoji) => { setEmojiOpen(false); insertAtCaret(emoji); }}
                onClose={() => { setEmojiOpen(false); textarea.current?.focus(); }}
              />
            )}
          </div>
          <input ref={fileInput} id="composer-file" type="file" class="visually-hidden" accept={acceptedFiles} tabIndex={-1} aria-hidden="true"
            onChange={(e) => void attach((e.currentTarget as HTMLInputElement).files?.[0])} />
          <button type="button" class="secondary icon" aria-label="Attach a file" disabled={uploading} onClick={() => fileInput.current?.click()}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
              <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M21 11.5 12.5 20a5 5 0 0 1-7-7l9-9a3.3 3.3 0 0 1 4.7 4.7l-9 9a1.7 1.7 0 0 1-2.4-2.4L16 7.2" />
            </svg>
          </button>
        </div>
        <label for="composer-text" class="visually-hidden">Message</label>
        <textarea
          id="composer-text"
          ref={textarea}
          rows={2}
          value={text}
          placeholder={attachment ? "Add a caption (optional)…" : "Write a reply… (Enter sends, Shift+Enter for a new line, / for canned responses)"}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggesting}
          aria-controls={suggesting ? "canned-list" : undefined}
          aria-activedescendant={activeId}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLTextAreaElement).value;
            if (shortcodeQuery(value) === null || value === "/") setCannedClosed(false);
            setText(value);
            if (value.trim()) sendTyping(conversationId);
          }}
          onKeyUp={rememberCaret}
          onClick={rememberCaret}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="primary" disabled={busy || uploading || (!text.trim() && !attachment)}>Send</button>
      </div>
    </form>
  );
}
