import { useEffect } from "preact/hooks";
import { employee, refresh, sessionChecked, twoFactorSetupRequired } from "./session";
import { connectLive, disconnectLive } from "./live";
import { location, navigate, onLinkClick } from "./router";
import { Layout } from "./components/Layout";
import { LoginPage } from "./pages/LoginPage";
import { SignUpPage } from "./pages/SignUpPage";
import { AcceptInvitationPage } from "./pages/AcceptInvitationPage";
import { InboxPage } from "./pages/InboxPage";
import { WhatsAppSettingsPage } from "./pages/WhatsAppSettingsPage";
import { OutboxPage } from "./pages/OutboxPage";
import { TeamPage } from "./pages/TeamPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { CustomersPage } from "./pages/CustomersPage";
import { CustomerPage } from "./pages/CustomerPage";
import { CustomerImportPage } from "./pages/CustomerImportPage";
import { ServicesPage } from "./pages/ServicesPage";
import { ServiceEditorPage } from "./pages/ServiceEditorPage";
import { OpeningHoursPage } from "./pages/OpeningHoursPage";
import { BookingsPage } from "./pages/BookingsPage";
import { NewBookingPage } from "./pages/NewBookingPage";
import { BookingPage } from "./pages/BookingPage";
import { AssistantSettingsPage } from "./pages/AssistantSettingsPage";
import { TemplatesPage } from "./pages/TemplatesPage";
import { KnowledgePage } from "./pages/KnowledgePage";
import { VoiceSettingsPage } from "./pages/VoiceSettingsPage";
import { SecurityPage } from "./pages/SecurityPage";
import { AnalyticsPage } from "./pages/AnalyticsPage";
import { CannedResponsesPage } from "./pages/CannedResponsesPage";
import { RolesPage } from "./pages/RolesPage";
import { LandingPage } from "./pages/LandingPage";
import { PricingPage } from "./pages/PricingPage";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { PaymentResultPage } from "./pages/PaymentResultPage";
import { OnboardingPage } from "./pages/OnboardingPage";
import { BillingPage } from "./pages/BillingPage";
import { GeneralSettingsPage } from "./pages/GeneralSettingsPage";
import { VerifyEmailPage } from "./pages/VerifyEmailPage";

const publicPages: Record<string, () => preact.JSX.Element> = {
  "/login": LoginPage,
  "/signup": SignUpPage,
  "/accept-invitation": AcceptInvitationPage,
  "/": LandingPage,
  "/pricing": PricingPage,
  "/forgot-password": ForgotPasswordPage,
  "/reset-password": ResetPasswordPage,
  "/verify-email": VerifyEmailPage,
  "/payment/success": () => <PaymentResultPage outcome="success" />,
  "/payment/cancel": () => <PaymentResultPage outcome="cancel" />,
};

/** Public pages that stay open when logged in (the others lead a logged-in employee into the app). */
const openToEveryone = new Set(["/accept-invitation", "/pricing", "/reset-password", "/verify-email", "/payment/success", "/payment/cancel"]);

/** Replaces the current history entry with another page once rendered. */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Where to go after logging in: the page that sent us to the login, if it is one of ours. */
function safeNext(): string {
  const next = new URLSearchParams(location.value.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/inbox";
}

export function App() {
  useEffect(() => {
    void refresh();
    document.addEventListener("click", onLinkClick);
    return () => document.removeEventListener("click", onLinkClick);
  }, []);

  const signedIn = employee.value !== null;
  useEffect(() => {
    if (signedIn) connectLive();
    else void disconnectLive();
  }, [signedIn]);

  const path = location.value.path.replace(/\/+$/, "") || "/";

  // Move focus to the new page's main region so keyboard and screen-reader users land on it.
  useEffect(() => {
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [path]);

  if (!sessionChecked.value) {
    return <p class="loading" role="status">Loading…</p>;
  }

  const Public = publicPages[path];
  if (Public) {
    if (signedIn && !openToEveryone.has(path)) {
      // Logged in (or the session was restored): leave the public page. A new business starts with the getting-started steps.
      return <Redirect to={path === "/signup" ? "/onboarding" : safeNext()} />;
    }
    return <main id="main" class={path === "/" || path === "/pricing" ? "public public-wide" : "public"} tabIndex={-1}><Public /></main>;
  }

  if (!signedIn) {
    return <Redirect to={path === "/" ? "/login" : `/login?next=${encodeURIComponent(path + location.value.search)}`} />;
  }

  // The business requires two-factor authentication and this employee has none yet: only the security page opens.
  if (twoFactorSetupRequired.value && path !== "/settings/security") {
    return <Redirect to="/settings/security?required=1" />;
  }

  let page;
  if (path === "/") {
    return <Redirect to="/inbox" />;
  } else if (path === "/inbox" || path.startsWith("/inbox/")) {
    page = <InboxPage conversationId={path.split("/")[2] ?? null} />;
  } else if (path === "/settings" || path === "/settings/whatsapp") {
    page = <WhatsAppSettingsPage />;
  } else if (path === "/settings/general") {
    page = <GeneralSettingsPage />;
  } else if (path === "/settings/assistant") {
    page = <AssistantSettingsPage />;
  } else if (path === "/settings/templates") {
    page = <TemplatesPage />;
  } else if (path === "/settings/knowledge") {
    page = <KnowledgePage />;
  } else if (path === "/settings/voice") {
    page = <VoiceSettingsPage />;
  } else if (path === "/settings/security") {
    page = <SecurityPage />;
  } else if (path === "/settings/canned-responses") {
    page = <CannedResponsesPage />;
  } else if (path === "/settings/roles") {
    page = <RolesPage />;
  } else if (path === "/settings/billing") {
    page = <BillingPage />;
  } else if (path === "/onboarding") {
    page = <OnboardingPage />;
  } else if (path === "/analytics") {
    page = <AnalyticsPage />;
  } else if (path === "/outbox") {
    page = <OutboxPage />;
  } else if (path === "/team") {
    page = <TeamPage />;
  } else if (path === "/customers") {
    page = <CustomersPage />;
  } else if (path === "/customers/new") {
    page = <CustomerPage key="new" id={null} />;
  } else if (path === "/customers/import") {
    page = <CustomerImportPage />;
  } else if (/^\/customers\/[0-9a-f-]{36}$/i.test(path)) {
    page = <CustomerPage key={path} id={path.split("/")[2]} />;
  } else if (path === "/services") {
    page = <ServicesPage />;
  } else if (path === "/services/new") {
    page = <ServiceEditorPage key="new" id={null} />;
  } else if (path === "/services/hours") {
    page = <OpeningHoursPage />;
  } else if (/^\/services\/[0-9a-f-]{36}$/i.test(path)) {
    page = <ServiceEditorPage key={path} id={path.split("/")[2]} />;
  } else if (path === "/bookings") {
    page = <BookingsPage />;
  } else if (path === "/bookings/new") {
    page = <NewBookingPage key={location.value.search} />;
  } else if (/^\/bookings\/[0-9a-f-]{36}$/i.test(path)) {
    page = <BookingPage key={path} id={path.split("/")[2]} />;
  } else {
    page = <NotFoundPage />;
  }
  return <Layout>{page}</Layout>;
}
