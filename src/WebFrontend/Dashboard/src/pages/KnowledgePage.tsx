import { useEffect, useState } from "preact/hooks";
import { api, del, get, post, query } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { CheckField, InputField, Status, TagList } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import type { KnowledgeArticle, KnowledgeArticlePage, KnowledgeMatch } from "../types";

type Form = { title: string; body: string; tags: string; isPublished: boolean };
const emptyForm: Form = { title: "", body: "", tags: "", isPublished: true };

/** The FAQ articles the assistant answers from, and a box to ask what it would answer. */
export function KnowledgePage() {
  const [articles, setArticles] = useState<KnowledgeArticle[] | null>(null);
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !can("knowledge.manage");

  async function load(q = filter) {
    try {
      setArticles((await get<KnowledgeArticlePage>(`/api/knowledge${query({ q: q.trim(), limit: 100 })}`)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => void load(""), []);

  function edit(article: KnowledgeArticle | null) {
    setEditing(article?.id ?? null);
    setForm(article ? { title: article.title, body: article.body, tags: article.tags.join(", "), isPublished: article.isPublished } : emptyForm);
    setErrors({});
    setError(null);
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    const body = {
      title: form.title.trim(),
      body: form.body.trim(),
      tags: form.tags.split(",").map((t) => t.trim()).filter(Boolean),
      isPublished: form.isPublished,
    };
    try {
      if (editing) await api<KnowledgeArticle>("PATCH", `/api/knowledge/${editing}`, body);
      else await post<KnowledgeArticle>("/api/knowledge", body);
      setStatus(editing ? "Article saved." : "Article created.");
      edit(null);
      await load();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(article: KnowledgeArticle) {
    if (!confirm(`Delete the article "${article.title}"?`)) return;
    try {
      await del(`/api/knowledge/${article.id}`);
      setStatus("Article deleted.");
      if (editing === article.id) edit(null);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section class="page" aria-labelledby="knowledge-title">
      <SettingsNav />
      <h1 id="knowledge-title">Knowledge base</h1>
      <Status text={status} />
      <AskBox />

      {!readOnly && (
        <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="article-form-title">
          <h2 id="article-form-title">{editing ? "Edit article" : "New article"}</h2>
          {error && <div class="form-error" role="alert">{error}</div>}
          <InputField label="Title" name="title" value={form.title} onInput={(title) => setForm({ ...form, title })} error={errors.title} required maxLength={200} />
          <InputField label="Answer" name="body" multiline rows={5} value={form.body} onInput={(body) => setForm({ ...form, body })} error={errors.body} required />
          <InputField label="Tags" name="tags" value={form.tags} onInput={(tags) => setForm({ ...form, tags })} error={errors.tags} hint="Separated by commas." />
          <CheckField label="Published (the assistant may use it)" name="isPublished" checked={form.isPublished}
            onChange={(isPublished) => setForm({ ...form, isPublished })} error={errors.isPublished} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : editing ? "Save article" : "Create article"}</button>
            {editing && <button type="button" class="secondary" onClick={() => edit(null)}>Cancel</button>}
          </div>
        </form>
      )}

      <section aria-labelledby="articles-title">
        <h2 id="articles-title">Articles</h2>
        <form class="inline-form" role="search" onSubmit={(e) => { e.preventDefault(); void load(); }}>
          <InputField label="Search articles" name="q" type="search" value={filter} onInput={setFilter} />
          <button type="submit" class="secondary">Search</button>
        </form>
        {articles === null ? <p>Loading…</p> : articles.length === 0 ? <p class="empty">No articles yet.</p> : (
          <ul class="plain-list" data-testid="articles">
            {articles.map((a) => (
              <li key={a.id}>
                <h3>{a.title} {!a.isPublished && <span class="status-chip">Draft</span>}</h3>
                <p class="wrap clamp">{a.body}</p>
                <TagList tags={a.tags} />
                {!readOnly && (
                  <div class="actions">
                    <button type="button" class="small secondary" onClick={() => edit(a)} aria-label={`Edit ${a.title}`}>Edit</button>
                    <button type="button" class="small danger" onClick={() => void remove(a)} aria-label={`Delete ${a.title}`}>Delete</button>
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

/** "What would the assistant answer?": the published articles that cover a question, best first. */
function AskBox() {
  const [question, setQuestion] = useState("");
  const [matches, setMatches] = useState<KnowledgeMatch[] | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function ask(event: Event) {
    event.preventDefault();
    setError(undefined);
    setMatches(null);
    try {
      setMatches(await get<KnowledgeMatch[]>(`/api/knowledge/search${query({ q: question.trim() })}`));
    } catch (e) {
      setError(fieldErrors(e).q ?? errorMessage(e));
    }
  }

  return (
    <form class="card settings-form" onSubmit={ask} noValidate aria-labelledby="ask-title">
      <h2 id="ask-title">What would the assistant answer?</h2>
      <InputField label="A customer's question" name="question" value={question} onInput={setQuestion} error={error} />
      <div class="actions"><button type="submit" class="secondary">Ask</button></div>
      {matches && (
        <div aria-live="polite" data-testid="answers">
          {matches.length === 0 ? <p class="empty">No published article covers this question: the assistant would hand it to the team.</p> : (
            <ol class="plain-list">
              {matches.map((m) => (
                <li key={m.articleId}>
                  <strong>{m.title}</strong> <span class="meta">covers {Math.round(m.coverage * 100)}% of the question</span>
                  <p class="wrap">{m.body}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </form>
  );
}
