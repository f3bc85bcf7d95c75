import { formatMoney } from "./components/records";

/** A plan as `GET /api/plans` lists it for everyone; a null limit is no limit, a null price a plan sold on request. */
export interface PublicPlan {
  id: string;
  name: string;
  agents: number | null;
  aiConversationsPerMonth: number | null;
  monthlyPriceMinor: number | null;
  currency: string | null;
  isDefault: boolean;
}

export interface PlanPrice {
  amountMinor: number;
  currency: string;
}

/** A plan offered to a business (`GET /api/subscription`); `sold`: it can be bought online. */
export interface PlanOffer {
  id: string;
  name: string;
  agents: number | null;
  aiConversationsPerMonth: number | null;
  sold: boolean;
  monthlyPrice: PlanPrice | null;
}

export interface SubscriptionState {
  plan: string;
  /** Stripe's status, or `trial` for a business that never subscribed. */
  status: string;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  limits: { id: string; name: string; agents: number | null; aiConversationsPerMonth: number | null; monthlyPrice: PlanPrice | null };
  usage: { agents: number; aiConversationsThisMonth: number };
  plans: PlanOffer[];
}

export interface Invoice {
  id: string;
  number: string | null;
  amountDue: number;
  amountPaid: number;
  currency: string;
  status: string;
  hostedUrl: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  createdAt: string;
}

/** "3 agents", "Unlimited agents". */
export function limitText(limit: number | null, one: string, many: string): string {
  if (limit === null || limit === undefined) return `Unlimited ${many}`;
  return `${limit.toLocaleString()} ${limit === 1 ? one : many}`;
}

/** "€29.00 per month", or "Price on request". */
export function priceText(amountMinor: number | null | undefined, currency: string | null | undefined): string {
  if (amountMinor === null || amountMinor === undefined || !currency) return "Price on request";
  return `${formatMoney(amountMinor, currency)} per month`;
}

/** A subscription in force with Stripe: its plan is changed in place rather than bought again through Checkout. */
export function isRunning(status: string): boolean {
  return status === "active" || status === "trialing" || status === "past_due";
}
