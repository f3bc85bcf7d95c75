import { useEffect, useRef, useState } from "preact/hooks";
import { del, get, post, query } from "../api";
import { canManage } from "../session";
import { location, queryParam } from "../router";
import { customerLabel, downloadFile, errorMessage, fieldErrors, formatInstant, setQuery } from "../components/records";
import { InputField, SelectField, Status, TagList, VipBadge } from "../components/RecordFields";
import type { Customer, CustomerPage, CustomerSegment } from "../types";

const pageSize = 25;

type Filter = { search: string; tag: string; vip: string };

function filterFromUrl(): Filter {
  return { search: queryParam("search") ?? "", tag: queryParam("tag") ?? "", vip: queryParam("vip") ?? "" };
}

/** Customers: search, tag and VIP filters, saved segments, cursor paging, CSV export and the way to import. */
export function CustomersPage() {
  // The filter and the cursors of the pages we came through (to go back), changed together.
  const [view, setView] = useState<{ filter: Filter; cursors: (string | null)[] }>(() => ({ filter: filterFromUrl(), cursors: [null] }));
  const { filter, cursors } = view;
  const setFilter = (change: Filter | ((f: Filter) => Filter)) =>
    setView((v) => {
      const next = typeof change === "function" ? change(v.filter) : change;
      return next === v.filter ? v : { filter: next, cursors: [null] };
    });
  const setCursors = (next: (string | null)[]) => setView((v) => ({ ...v, cursors: next }));
  const [searchText, setSearchText] = useState(filter.search);
  const [tagText, setTagText] = useState(filter.tag);
  const [items, setItems] = useState<Customer[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [segments, setSegments] = useState<CustomerSegment[]>([]);
  const [segmentName, setSegmentName] = useState("");
  const [segmentErrors, setSegmentErrors] = useState<Record<string, string>>({});
  const generation = useRef(0);

  const cursor = cursors[cursors.length - 1];

  async function load() {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await get<CustomerPage>(
        `/api/customers${query({ search: filter.search, tag: filter.tag, vip: filter.vip || undefined, cursor, limit: pageSize })}`,
      );
      if (mine !== generation.current) return;
      setItems(page.items);
      setNextCursor(page.nextCursor ?? null);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }

  async function loadSegments() {
    try {
      setSegments(await get<CustomerSegment[]>("/api/customers/segments"));
    } catch {
      // The list works without segments.
    }
  }

  useEffect(() => void loadSegments(), []);
  useEffect(() => void load(), [filter, cursor]);

  // The filters live in the address, so that coming back from a profile shows the same list.
  useEffect(() => {
    if (location.value.path === "/customers") setQuery({ search: filter.search, tag: filter.tag, vip: filter.vip });
  }, [filter]);

  // Debounced search and tag as the agent types.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilter((f) => (f.search === searchText.trim() && f.tag === tagText.trim().toLowerCase() ? f : { ...f, search: searchText.trim(), tag: tagText.trim().toLowerCase() }));
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText, tagText]);

  function applySegment(id: string) {
    const segment = segments.find((s) => s.id === id);
    if (!segment) return;
    const next = { search: segment.filter.search ?? "", tag: segment.filter.tag ?? "", vip: segment.filter.vip == null ? "" : String(segment.filter.vip) };
    setSearchText(next.search);
    setTagText(next.tag);
    setFilter(next);
  }

  async function saveSegment(event: Event) {
    event.preventDefault();
    setSegmentErrors({});
    try {
      const saved = await post<CustomerSegment>("/api/customers/segments", {
        name: segmentName.trim(), search: filter.search || undefined, tag: filter.tag || undefined, vip: filter.vip ? filter.vip === "true" : undefined,
      });
      setSegmentName("");
      setStatus(`Saved the segment ${saved.name}.`);
      await loadSegments();
    } catch (e) {
      const errors = fieldErrors(e);
      setSegmentErrors(Object.keys(errors).length ? errors : { name: errorMessage(e) });
    }
  }

  async function deleteSegment(segment: CustomerSegment) {
    if (!confirm(`Delete the segment ${segment.name}? The customers stay.`)) return;
    try {
      await del(`/api/customers/segments/${segment.id}`);
      setStatus(`Deleted the segment ${segment.name}.`);
      await loadSegments();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function exportCsv() {
    setError(null);
    try {
      await downloadFile(`/api/customers/export${query({ search: filter.search, tag: filter.tag, vip: filter.vip || undefined })}`, "customers.csv");
      setStatus("The CSV export has been downloaded.");
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const filtered = !!(filter.search || filter.tag || filter.vip);
  const matching = segments.find((s) => (s.filter.search ?? "") === filter.search && (s.filter.tag ?? "") === filter.tag && (s.filter.vip == null ? "" : String(s.filter.vip)) === filter.vip);

  return (
    <section class="page wide-page" aria-labelledby="customers-title">
      <div class="page-header">
        <h1 id="customers-title">Customers</h1>
        <div class="actions">
          <a class="button primary" href="/customers/new">New customer</a>
          {canManage.value && <a class="button secondary" href="/customers/import">Import CSV</a>}
          {canManage.value && <button type="button" class="secondary" onClick={() => void exportCsv()}>Export CSV</button>}
        </div>
      </div>
      <Status text={status} />
      <form class="card records-filters" role="search" aria-label="Customers" onSubmit={(e) => e.preventDefault()}>
        <InputField label="Search" name="search" type="search" value={searchText} onInput={setSearchText} placeholder="Name, phone, e-mail or tag" class="grow" />
        <InputField label="Tag" name="tag" value={tagText} onInput={setTagText} placeholder="e.g. regular" />
        <SelectField label="VIP" name="vip" value={filter.vip} onChange={(vip) => setFilter({ ...filter, vip })} options={[["", "Everyone"], ["true", "VIP only"], ["false", "Not VIP"]]} />
        {segments.length > 0 && (
          <SelectField
            label="Segment"
            name="segment"
            value={matching?.id ?? ""}
            onChange={applySegment}
            options={[["", "Choose a segment…"], ...segments.map((s): [string, string] => [s.id, s.name])]}
          />
        )}
      </form>
      {error && <div class="form-error" role="alert">{error}</div>}
      <table class="table" data-testid="customers" aria-busy={loading}>
        <caption class="visually-hidden">Customers{filtered ? " matching the filters" : ""}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Phone</th><th scope="col">E-mail</th><th scope="col">Tags</th><th scope="col">Last seen</th></tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`/customers/${c.id}`}>{customerLabel(c)}</a> {c.isVip && <VipBadge />}
              </td>
              <td>{c.phone ?? (c.waId ? `+${c.waId}` : "")}</td>
              <td class="wrap">{c.email ?? ""}</td>
              <td><TagList tags={c.tags} /></td>
              <td>{c.lastSeenAt ? formatInstant(c.lastSeenAt) : <span class="meta">never wrote</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 && !error && (
        <p class="empty">{filtered ? "No customer matches these filters." : "No customers yet. They are added when they write on WhatsApp, or here."}</p>
      )}
      <nav class="pager" aria-label="Customer pages">
        <button type="button" class="secondary" disabled={cursors.length === 1 || loading} onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</button>
        <span class="meta">Page {cursors.length}</span>
        <button type="button" class="secondary" disabled={!nextCursor || loading} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>Next page</button>
      </nav>

      <details class="card segments">
        <summary>Segments (saved filters)</summary>
        {segments.length === 0 ? (
          <p class="meta">No segments yet.</p>
        ) : (
          <ul class="plain-list">
            {segments.map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" onClick={() => applySegment(s.id)}>{s.name}</button>
                <span class="meta"> {[s.filter.search && `“${s.filter.search}”`, s.filter.tag && `tag ${s.filter.tag}`, s.filter.vip != null && (s.filter.vip ? "VIP" : "not VIP")].filter(Boolean).join(", ") || "everyone"}</span>
                <button type="button" class="link-button danger-link" onClick={() => void deleteSegment(s)}>Delete<span class="visually-hidden"> segment {s.name}</span></button>
              </li>
            ))}
          </ul>
        )}
        <form class="inline-form" onSubmit={saveSegment} noValidate>
          <InputField label="Save the current filters as" name="segmentName" value={segmentName} onInput={setSegmentName} error={segmentErrors.name ?? segmentErrors.search ?? segmentErrors.tag} placeholder="Segment name" />
          <button type="submit" class="secondary">Save segment</button>
        </form>
      </details>
    </section>
  );
}
