import { queryParam } from "../router";

/**
 * Where Stripe Checkout sends a customer back after paying a booking's payment link
 * (`/payment/success?booking=…` or `/payment/cancel?booking=…`, see StripePaymentLinks). The customer has no
 * account: the business confirms on WhatsApp once Stripe's webhook arrives.
 */
export function PaymentResultPage({ outcome }: { outcome: "success" | "cancel" }) {
  const booking = queryParam("booking");
  return (
    <section class="card auth-card" aria-labelledby="payment-title">
      {outcome === "success" ? (
        <>
          <h1 id="payment-title">Thank you, your payment was received</h1>
          <p>The business sees the payment on your booking and confirms it in your WhatsApp chat. You can close this page.</p>
        </>
      ) : (
        <>
          <h1 id="payment-title">The payment was cancelled</h1>
          <p>Nothing was charged. To pay later, open the payment link the business sent you on WhatsApp again.</p>
        </>
      )}
      {booking && <p class="meta">Booking reference: <span data-testid="booking-reference">{booking}</span></p>}
    </section>
  );
}
