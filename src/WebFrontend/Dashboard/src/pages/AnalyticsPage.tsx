import { useEffect, useState } from "preact/hooks";
import { get, query } from "../api";
import { addDays, downloadFile, errorMessage, fieldErrors, formatMoney } from "../components/records";
import { InputField } from "../components/RecordFields";
import { BarChart } from "../components/BarChart";
import type { ConversationReport, PerformanceReport, ResponseTimes, RevenueReport } from "../types";

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Seconds as "45 s", "3.5 min" or "2.1 h"; a dash without cases. */
function duration(seconds: number | null): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function times(t: ResponseTimes): string {
  return t.count ? `${duration(t.p50Seconds)} / ${duration(t.p90Seconds)}` : "—";
}

const moneyAxes = new Map<string, (minor: number) => string>();

/** One formatter per currency, so the chart is not redrawn on every render. */
function moneyAxis(currency: string): (minor: number) => string {
  let axis = moneyAxes.get(currency);
  if (!axis) moneyAxes.set(currency, (axis = (minor: number) => formatMoney(minor, currency)));
  return axis;
}

/** The business's figures over a date range: conversations, revenue, the team; each as a table, a chart and a CSV export. */
export function AnalyticsPage() {
  const [to, setTo] = useState(todayIso());
  const [from, setFrom] = useState(addDays(todayIso(), -29));
  const [conversations, setConversations] = useState<ConversationReport | null>(null);
  const [revenue, setRevenue] = useState<RevenueReport | null>(null);
  const [performance, setPerformance] = useState<PerformanceReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  async function load() {
    setLoading(true);
    setErrors({});
    setError(null);
    const range = query({ from, to });
    try {
      const [c, r, p] = await Promise.all([
        get<ConversationReport>(`/api/analytics/conversations${range}`),
        get<RevenueReport>(`/api/analytics/revenue${range}`),
        get<PerformanceReport>(`/api/analytics/performance${range}`),
      ]);
      setConversations(c);
      setRevenue(r);
      setPerformance(p);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void load(), []);

  async function exportCsv(report: string) {
    setExportError(null);
    try {
      await downloadFile("/api/analytics/export", `${report}-${from}-${to}.csv`, { report, from, to });
    } catch (e) {
      setExportError(errorMessage(e));
    }
  }

  const activeDays = conversations?.days.filter((d) => d.started + d.reopened + d.customerMessages + d.resolved + d.handoffs + d.takeovers > 0) ?? [];

  return (
    <section class="page wide-page analytics" aria-labelledby="analytics-title">
      <h1 id="analytics-title">Analytics</h1>
      <form class="inline-form records-filters" onSubmit={(e) => { e.preventDefault(); void load(); }} noValidate aria-label="Date range">
        <InputField label="From" name="from" type="date" value={from} onInput={setFrom} error={errors.from} />
        <InputField label="To" name="to" type="date" value={to} onInput={setTo} error={errors.to} />
        <button type="submit" class="primary" disabled={loading}>{loading ? "Loading…" : "Show"}</button>
      </form>
      {error && <div class="form-error" role="alert">{error}</div>}
      {exportError && <div class="form-error" role="alert">{exportError}</div>}

      {conversations && (
        <section class="card" aria-labelledby="conv-title" data-testid="conversations-report">
          <div class="page-header">
            <h2 id="conv-title">Conversations</h2>
            <button type="button" class="secondary small" onClick={() => void exportCsv("conversations")}>Export conversations CSV</button>
          </div>
          <dl class="facts kpis">
            <dt>Started</dt><dd data-testid="kpi-started">{conversations.total.started}</dd>
            <dt>Reopened</dt><dd>{conversations.total.reopened}</dd>
            <dt>Assistant only</dt><dd>{conversations.total.assistantOnly}</dd>
            <dt>With a person</dt><dd>{conversations.total.withHuman}</dd>
            <dt>Resolved by the assistant</dt>
            <dd>{conversations.total.assistantResolutionShare === null ? "—" : `${Math.round(conversations.total.assistantResolutionShare * 100)}%`}</dd>
            <dt>First response, assistant (p50 / p90)</dt><dd>{times(conversations.total.assistantFirstResponse)}</dd>
            <dt>First response, people (p50 / p90)</dt><dd>{times(conversations.total.humanFirstResponse)}</dd>
            <dt>Resolution (p50 / p90)</dt><dd>{times(conversations.total.resolution)}</dd>
          </dl>
          {activeDays.length > 0 && (
            <BarChart title="Conversations started per day" bars={activeDays.map((d) => ({ label: d.day ?? "", value: d.started + d.reopened }))} />
          )}
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">Conversations per day</caption>
              <thead>
                <tr><th scope="col">Day</th><th scope="col">Started</th><th scope="col">Reopened</th><th scope="col">Customer messages</th><th scope="col">Resolved</th><th scope="col">By the assistant</th><th scope="col">Handoffs</th><th scope="col">Takeovers</th></tr>
              </thead>
              <tbody>
                {activeDays.map((d) => (
                  <tr key={d.day}><th scope="row">{d.day}</th><td>{d.started}</td><td>{d.reopened}</td><td>{d.customerMessages}</td><td>{d.resolved}</td><td>{d.resolvedByAssistant}</td><td>{d.handoffs}</td><td>{d.takeovers}</td></tr>
                ))}
                {activeDays.length === 0 && <tr><td colSpan={8} class="empty">No conversations in this range.</td></tr>}
              </tbody>
              <tfoot>
                <tr><th scope="row">Total</th><td>{conversations.total.started}</td><td>{conversations.total.reopened}</td><td>{conversations.total.customerMessages}</td><td>{conversations.total.resolved}</td><td>{conversations.total.resolvedByAssistant}</td><td>{conversations.total.handoffs}</td><td>{conversations.total.takeovers}</td></tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}

      {revenue && (
        <section class="card" aria-labelledby="revenue-title" data-testid="revenue-report">
          <div class="page-header">
            <h2 id="revenue-title">Revenue</h2>
            <button type="button" class="secondary small" onClick={() => void exportCsv("revenue")}>Export revenue CSV</button>
          </div>
          {revenue.totals.length === 0 ? <p class="empty">No bookings or payments in this range.</p> : (
            <>
              <BarChart
                title="Booked revenue per service"
                bars={revenue.services.map((s) => ({ label: `${s.service} (${s.currency})`.slice(0, 18), value: s.bookedMinor, text: formatMoney(s.bookedMinor, s.currency) }))}
                format={revenue.totals.length === 1 ? moneyAxis(revenue.totals[0].currency) : undefined}
              />
              <div class="table-scroll">
                <table class="table">
                  <caption class="visually-hidden">Revenue per service</caption>
                  <thead><tr><th scope="col">Service</th><th scope="col">Bookings</th><th scope="col">Booked</th><th scope="col">Paid bookings</th><th scope="col">Paid</th></tr></thead>
                  <tbody>
                    {revenue.services.map((s) => (
                      <tr key={`${s.serviceId}-${s.currency}`}><th scope="row">{s.service}</th><td>{s.bookings}</td><td>{formatMoney(s.bookedMinor, s.currency)}</td><td>{s.paidBookings}</td><td>{formatMoney(s.paidMinor, s.currency)}</td></tr>
                    ))}
                  </tbody>
                  <tfoot>
                    {revenue.totals.map((t) => (
                      <tr key={t.currency}><th scope="row">Total {t.currency}</th><td>{t.bookings}</td><td>{formatMoney(t.bookedMinor, t.currency)}</td><td>{t.paidBookings}</td><td>{formatMoney(t.paidMinor, t.currency)}</td></tr>
                    ))}
                  </tfoot>
                </table>
              </div>
            </>
          )}
        </section>
      )}

      {performance && (
        <section class="card" aria-labelledby="performance-title" data-testid="performance-report">
          <div class="page-header">
            <h2 id="performance-title">Team performance</h2>
            <button type="button" class="secondary small" onClick={() => void exportCsv("performance")}>Export performance CSV</button>
          </div>
          {performance.employees.length > 0 && (
            <BarChart title="Conversations handled" bars={performance.employees.map((e) => ({ label: e.name.slice(0, 18), value: e.conversationsHandled }))} />
          )}
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">Performance per employee</caption>
              <thead><tr><th scope="col">Employee</th><th scope="col">Conversations</th><th scope="col">Messages sent</th><th scope="col">Takeovers</th><th scope="col">First response (p50 / p90)</th><th scope="col">Resolved</th><th scope="col">Resolution (p50 / p90)</th></tr></thead>
              <tbody>
                {performance.employees.map((e) => (
                  <tr key={e.employeeId}><th scope="row">{e.name}</th><td>{e.conversationsHandled}</td><td>{e.messagesSent}</td><td>{e.takeovers}</td><td>{times(e.firstResponse)}</td><td>{e.resolved}</td><td>{times(e.resolution)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
