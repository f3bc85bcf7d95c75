import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ApiError, query } from "../api";
import { errorMessage, fieldErrors, postText } from "../components/records";
import { InputField } from "../components/RecordFields";
import type { ImportRejection, ImportResult } from "../types";

type Report = { applied: boolean; created: number; merged: number; rejected: ImportRejection[]; title: string };

/** The rejected rows of a 422 (all-or-nothing): the `rejected` extension, else the `errors.file` lines. */
function rejectionsOf(error: ApiError): ImportRejection[] {
  const problem = error.problem as ApiError["problem"] & { rejected?: ImportRejection[] };
  if (Array.isArray(problem.rejected)) return problem.rejected;
  return (problem.errors?.file ?? []).map((line) => {
    const match = /^line (\d+): ([^:]+): (.*)$/.exec(line);
    return match ? { line: Number(match[1]), field: match[2], reason: match[3] } : { line: 0, field: "file", reason: line };
  });
}

/** Customers from a CSV (owner/admin): the rows merged by phone, and a report of every row that was not imported. */
export function CustomerImportPage() {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [mode, setMode] = useState<"per-row" | "all-or-nothing">("per-row");
  const [region, setRegion] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (report) reportHeading.current?.focus();
  }, [report]);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setErrors({});
    setReport(null);
    const text = file ? await file.text() : pasted;
    if (!text.trim()) {
      setErrors({ file: "Choose a CSV file or paste its contents." });
      return;
    }
    setBusy(true);
    try {
      const result = await postText<ImportResult>(`/api/customers/import${query({ mode, region: region.trim().toUpperCase() })}`, text, "text/csv");
      setReport({
        applied: result.applied, created: result.created, merged: result.merged, rejected: result.rejected,
        title: result.rejected.length ? `Imported, except ${result.rejected.length} row(s).` : "Imported.",
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setReport({ applied: false, created: 0, merged: 0, rejected: rejectionsOf(e), title: e.problem.title ?? "Nothing was imported." });
      } else {
        setErrors(fieldErrors(e));
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const fileError = errors.file;

  return (
    <section class="page" aria-labelledby="import-title">
      <p class="breadcrumb"><a href="/customers">← Customers</a></p>
      <h1 id="import-title">Import customers</h1>
      <p class="hint">
        A CSV whose first line names its columns: <code>name</code>, <code>phone</code>, <code>email</code>, <code>tags</code> (separated by
        <code>;</code>), <code>vip</code> (yes/no), <code>attributes</code> (JSON). Other columns become custom details. A row whose phone
        matches a customer updates that customer. An export from this page imports back.
      </p>
      <form class="card settings-form" onSubmit={submit} noValidate aria-labelledby="import-form-title">
        <h2 id="import-form-title">The file</h2>
        {error && <div class="form-error" role="alert">{error}</div>}
        <div class="field">
          <label for={fileId}>CSV file</label>
          <input
            id={fileId}
            type="file"
            name="file"
            accept=".csv,text/csv,text/plain"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
          {fileError && <p class="error" id={`${fileId}-error`}>{fileError}</p>}
        </div>
        <InputField label="…or paste the CSV here" name="csv" multiline rows={6} value={pasted} onInput={setPasted} disabled={!!file}
          placeholder={"name,phone,email,tags,vip\nAna García,+34600111222,ana@example.com,regular;hair,yes"} />
        <fieldset class="segmented stacked">
          <legend>When a row is wrong</legend>
          <label><input type="radio" name="mode" value="per-row" checked={mode === "per-row"} onChange={() => setMode("per-row")} /> Import the other rows and list the wrong ones</label>
          <label><input type="radio" name="mode" value="all-or-nothing" checked={mode === "all-or-nothing"} onChange={() => setMode("all-or-nothing")} /> Import nothing, and list the wrong rows</label>
        </fieldset>
        <InputField label="Region of phones without a country code (optional)" name="region" value={region} onInput={setRegion} error={errors.region ?? errors.mode}
          placeholder="ES" maxLength={2} hint="Two letters; without it, the region of your WhatsApp number." />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Importing…" : "Import"}</button>
      </form>

      {report && (
        <section class="card import-report" aria-labelledby="import-report-title" data-testid="import-report">
          <h2 id="import-report-title" ref={reportHeading} tabIndex={-1}>Import report</h2>
          <p role="status" class={report.applied ? "notice" : "form-error"}>
            {report.title}
            {report.applied && ` ${report.created} new customer(s), ${report.merged} updated.`}
          </p>
          {report.rejected.length > 0 && (
            <table class="table" data-testid="import-errors">
              <caption>Rows not imported</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={`${r.line}-${r.field}`}>
                    <td>{r.line || ""}</td>
                    <td>{r.field}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.applied && <p><a href="/customers">See the customers</a></p>}
        </section>
      )}
    </section>
  );
}
