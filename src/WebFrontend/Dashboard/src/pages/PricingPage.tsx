import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { errorMessage } from "../components/records";
import { PublicHeader } from "../components/PublicHeader";
import { limitText, priceText, type PublicPlan } from "../plans";

/** The platform's plans as the API lists them: names, limits and monthly prices. */
export function PricingPage() {
  const [plans, setPlans] = useState<PublicPlan[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<PublicPlan[]>("/api/plans").then(setPlans, (e) => setError(errorMessage(e)));
  }, []);

  return (
    <div class="public-page">
      <PublicHeader />
      <section aria-labelledby="pricing-title">
        <h1 id="pricing-title">Plans and prices</h1>
        <p class="lead">Every business starts on a free trial of the plan marked below. Change or cancel any time from Settings → Billing.</p>
        {error && <div class="form-error" role="alert">{error}</div>}
        {plans === null && !error && <p role="status">Loading…</p>}
        {plans && (
          <ul class="plan-list" data-testid="plans">
            {plans.map((plan) => (
              <li key={plan.id} class={`card plan${plan.isDefault ? " highlighted" : ""}`} data-plan={plan.id}>
                <h2>{plan.name}</h2>
                <p class="price">{priceText(plan.monthlyPriceMinor, plan.currency)}</p>
                <ul class="limits">
                  <li>{limitText(plan.agents, "agent", "agents")}</li>
                  <li>{limitText(plan.aiConversationsPerMonth, "AI conversation", "AI conversations")} a month</li>
                </ul>
                {plan.isDefault && <p class="meta">New businesses start here, with a free trial.</p>}
                <a href="/signup" class="button-link">{plan.monthlyPriceMinor === null ? "Sign up and talk to us" : "Start with " + plan.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
