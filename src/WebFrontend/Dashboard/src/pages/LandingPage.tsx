import { PublicHeader } from "../components/PublicHeader";

/** What the product does, for visitors who are not logged in. */
export function LandingPage() {
  return (
    <div class="public-page">
      <PublicHeader />
      <section class="hero" aria-labelledby="landing-title">
        <h1 id="landing-title">Answer every WhatsApp customer, with your team and an assistant</h1>
        <p class="lead">
          Conversations brings your business's WhatsApp numbers into one shared inbox. An assistant answers the common
          questions and books appointments around the clock; your team takes over whenever a person is needed.
        </p>
        <p class="actions">
          <a href="/signup" class="button-link">Create a business account</a>
          <a href="/pricing" class="button-link secondary">See the plans</a>
        </p>
        <p class="aside">Already a customer? <a href="/login">Log in</a></p>
      </section>
      <section class="features" aria-labelledby="features-title">
        <h2 id="features-title" class="visually-hidden">What you get</h2>
        <ul class="feature-list">
          <li class="card">
            <h3>One inbox for the team</h3>
            <p>Meta Cloud API or Twilio numbers, live for every agent, with assignments, notes and canned replies.</p>
          </li>
          <li class="card">
            <h3>An assistant that knows your business</h3>
            <p>It answers from your knowledge base, in the customer's language, and hands over to a person when asked.</p>
          </li>
          <li class="card">
            <h3>Bookings and payments</h3>
            <p>Services, opening hours and a calendar; customers book in the chat and can pay online by link.</p>
          </li>
          <li class="card">
            <h3>Figures that matter</h3>
            <p>Response times, conversations resolved by the assistant, revenue per service and the team's work.</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
