import { useEffect, useState } from "preact/hooks";
import { post } from "../api";
import { errorMessage, fieldErrors } from "./records";
import { InputField, SelectField } from "./RecordFields";
import type { WhatsAppChannel } from "../types";

interface TestMessageResult {
  accepted: boolean;
  providerMessageId: string | null;
  errorCode: string | null;
  error: string | null;
  sent: string;
}

/** Sends a test message from a connected number to the owner's own phone, to see the connection work end to end. */
export function TestMessageForm({ channels }: { channels: WhatsAppChannel[] }) {
  const sending = channels.filter((c) => c.sendsThroughProvider);
  const [numberId, setNumberId] = useState(sending[0]?.id ?? "");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!sending.some((c) => c.id === numberId)) setNumberId(sending[0]?.id ?? "");
  }, [channels]);

  if (channels.length === 0) return null;
  if (sending.length === 0) {
    return <p class="meta" data-testid="test-message-unavailable">Add the provider's credentials (access token or auth token) to send a test message; until then messages go to the local outbox only.</p>;
  }

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setOutcome(null);
    try {
      const result = await post<TestMessageResult>(`/api/settings/whatsapp/${numberId}/test-message`, { to: to.trim() });
      if (result.accepted) setOutcome(`Sent (${result.sent}); the provider's message id is ${result.providerMessageId}. Check your phone.`);
      else setError(`The provider refused the message: ${result.error ?? "no reason given"}${result.errorCode ? ` (code ${result.errorCode})` : ""}.`);
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={send} noValidate aria-labelledby="test-message-title">
      <h3 id="test-message-title">Send a test message</h3>
      {error && <div class="form-error" role="alert">{error}</div>}
      {outcome && <p class="notice" role="status" data-testid="test-message-outcome">{outcome}</p>}
      {sending.length > 1 && (
        <SelectField label="From" name="numberId" value={numberId} onChange={setNumberId}
          options={sending.map((c) => [c.id, c.displayPhoneNumber || c.address] as [string, string])} />
      )}
      <InputField label="Your phone number" name="to" type="tel" inputMode="tel" autoComplete="tel" value={to} onInput={setTo} error={errors.to}
        placeholder="+34600111222" hint="In international format. Meta numbers send the approved sample template “hello_world”, since a business may only start a chat with a template." />
      <div class="actions"><button type="submit" class="secondary" disabled={busy}>{busy ? "Sending…" : "Send test message"}</button></div>
    </form>
  );
}
