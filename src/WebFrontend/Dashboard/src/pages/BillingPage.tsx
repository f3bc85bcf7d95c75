import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { SettingsNav } from "../components/SettingsNav";
import { errorMessage, formatInstant, formatMoney } from "../components/records";
import { queryParam } from "../router";
import { isRunning, limitText, priceText, type Invoice, type PlanOffer, type SubscriptionState } from "../plans";

const statusText: Record<string, string> = {
  trial: "Free trial", active: "Active", trialing: "Trial with Stripe", past_due: "Payment overdue", canceled: "Cancelled",
  incomplete: "Waiting for the first payment", incomplete_expired: "Expired before the first payment", unpaid: "Unpaid", paused: "Paused",
};

/** One use of a plan's limit, as text and as a meter (the text is what screen readers read). */
function Usage({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  return (
    <div class="usage">
      <dt>{label}</dt>
      <dd>
        <span data-testid={`usage-${label.toLowerCase().replace(/\W+/g, "-")}`}>{limit === null ? `${used.toLocaleString()} (no limit)` : `${used.toLocaleString()} of ${limit.toLocaleString()}`}</span>
        {limit !== null && <meter min={0} max={limit} value={Math.min(used, limit)} high={limit * 0.8} optimum={0} aria-hidden="true" />}
      </dd>
    </div>
  );
}

/** Settings → Billing: the business's plan with the platform, what it uses, changing plan, cancelling, and the invoices. */
export function BillingPage() {
  const [subscription, setSubscription] = useState<SubscriptionState | null>(null);
  const [invoices, setInvoices] = useState<Invoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const checkout = queryParam("checkout");

  async function load() {
    try {
      const [s, i] = await Promise.all([get<SubscriptionState>("/api/subscription"), get<Invoice[]>("/api/subscription/invoices")]);
      setSubscription(s);
      setInvoices(i);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => void load(), []);

  async function choose(plan: PlanOffer) {
    if (!subscription) return;
    setBusy(plan.id);
    setError(null);
    setStatus(null);
    try {
      if (isRunning(subscription.status)) {
        // A running subscription changes its price in place; Stripe prorates.
        await post("/api/subscription/upgrade", { plan: plan.id });
        setStatus(`Your plan is now ${plan.name}.`);
        await load();
      } else {
        const { url } = await post<{ url: string }>("/api/subscription/checkout", { plan: plan.id });
        window.location.assign(url);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function cancel() {
    if (!confirm("Cancel the subscription? Your plan stays in force until the end of the paid period.")) return;
    setBusy("cancel");
    setError(null);
    setStatus(null);
    try {
      await post("/api/subscription/cancel");
      setStatus("The subscription ends at the end of the paid period.");
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const running = subscription ? isRunning(subscription.status) : false;

  return (
    <section class="page" aria-labelledby="billing-title">
      <SettingsNav />
      <h1 id="billing-title">Billing</h1>
      {/* The note from Checkout's return gives way to what the owner does next. */}
      {checkout === "success" && !status && <p class="notice" role="status">Thank you! Your subscription starts as soon as Stripe confirms the payment; this page shows it then.</p>}
      {checkout === "cancel" && !status && <p class="notice" role="status">Checkout was cancelled: nothing was charged and your plan has not changed.</p>}
      {status && <p class="notice" role="status">{status}</p>}
      {error && <div class="form-error" role="alert" data-testid="billing-error">{error}</div>}
      {subscription === null && !error && <p role="status">Loading…</p>}

      {subscription && (
        <>
          <section class="card" aria-labelledby="current-plan-title" data-testid="current-plan">
            <h2 id="current-plan-title">Your plan: {subscription.limits.name}</h2>
            <dl class="facts">
              <dt>Status</dt><dd>{statusText[subscription.status] ?? subscription.status}</dd>
              <dt>Price</dt><dd>{priceText(subscription.limits.monthlyPrice?.amountMinor, subscription.limits.monthlyPrice?.currency)}</dd>
              {subscription.currentPeriodEnd && (
                <><dt>{subscription.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt><dd>{formatInstant(subscription.currentPeriodEnd)}</dd></>
              )}
            </dl>
            {subscription.cancelAtPeriodEnd && <p class="notice">Cancelled: the plan stays in force until the end of the paid period.</p>}
            <h3>Use this month</h3>
            <dl class="facts usage-list">
              <Usage label="Agents" used={subscription.usage.agents} limit={subscription.limits.agents} />
              <Usage label="AI conversations" used={subscription.usage.aiConversationsThisMonth} limit={subscription.limits.aiConversationsPerMonth} />
            </dl>
            {running && !subscription.cancelAtPeriodEnd && (
              <button type="button" class="danger" onClick={() => void cancel()} disabled={busy !== null}>{busy === "cancel" ? "Cancelling…" : "Cancel subscription"}</button>
            )}
          </section>

          <section aria-labelledby="plans-title">
            <h2 id="plans-title">Plans</h2>
            <ul class="plan-list" data-testid="plans">
              {subscription.plans.map((plan) => {
                const current = plan.id === subscription.plan && (running || subscription.status === "trial");
                return (
                  <li key={plan.id} class={`card plan${current ? " highlighted" : ""}`} data-plan={plan.id}>
                    <h3>{plan.name}</h3>
                    <p class="price">{priceText(plan.monthlyPrice?.amountMinor, plan.monthlyPrice?.currency)}</p>
                    <ul class="limits">
                      <li>{limitText(plan.agents, "agent", "agents")}</li>
                      <li>{limitText(plan.aiConversationsPerMonth, "AI conversation", "AI conversations")} a month</li>
                    </ul>
                    {current && running ? (
                      <p class="meta">Your current plan.</p>
                    ) : plan.sold || plan.monthlyPrice ? (
                      <button type="button" class="primary" onClick={() => void choose(plan)} disabled={busy !== null}>
                        {busy === plan.id ? "Please wait…" : running ? `Switch to ${plan.name}` : `Subscribe to ${plan.name}`}
                      </button>
                    ) : (
                      <p class="meta">Ask the platform's team for this plan.</p>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}

      {invoices && (
        <section aria-labelledby="invoices-title">
          <h2 id="invoices-title">Invoices</h2>
          {invoices.length === 0 ? (
            <p class="empty">No invoices yet.</p>
          ) : (
            <div class="table-scroll">
              <table class="table" data-testid="invoices">
                <caption class="visually-hidden">Invoices</caption>
                <thead><tr><th scope="col">Invoice</th><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Link</span></th></tr></thead>
                <tbody>
                  {invoices.map((invoice) => (
                    <tr key={invoice.id}>
                      <th scope="row">{invoice.number ?? invoice.id}</th>
                      <td>{formatInstant(invoice.createdAt)}</td>
                      <td>{formatMoney(invoice.status === "paid" ? invoice.amountPaid : invoice.amountDue, invoice.currency.toUpperCase())}</td>
                      <td>{invoice.status}</td>
                      <td>{invoice.hostedUrl ? <a href={invoice.hostedUrl} target="_blank" rel="noopener noreferrer">View<span class="visually-hidden"> invoice {invoice.number ?? invoice.id}</span></a> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
