import { useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { Field, FormError } from "./Field";
import type { WhatsAppChannel } from "../types";

type Provider = "meta" | "twilio";

const emptyForm = {
  phoneNumberId: "", businessAccountId: "", accessToken: "", appSecret: "", verifyToken: "", displayPhoneNumber: "",
  senderNumber: "", accountSid: "", authToken: "", messagingServiceSid: "",
};

/**
 * Connects (or updates) a Meta Cloud API or Twilio number through `POST /api/settings/whatsapp`. Secrets are
 * write-only: the form empties after saving and the API only says whether each is set.
 */
export function WhatsAppNumberForm({ onSaved, title = "Add or update a number" }: { onSaved: (channel: WhatsAppChannel) => void | Promise<void>; title?: string }) {
  const [provider, setProvider] = useState<Provider>("meta");
  const [form, setForm] = useState(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof emptyForm) => (value: string) => setForm({ ...form, [key]: value });

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    const fields = provider === "meta"
      ? ["phoneNumberId", "businessAccountId", "accessToken", "appSecret", "verifyToken", "displayPhoneNumber"] as const
      : ["senderNumber", "accountSid", "authToken", "messagingServiceSid", "displayPhoneNumber"] as const;
    const body: Record<string, string> = { provider };
    for (const field of fields) if (form[field].trim()) body[field] = form[field].trim();
    try {
      const saved = await post<WhatsAppChannel>("/api/settings/whatsapp", body);
      setForm(emptyForm);
      await onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(e.problem.errors ?? {}).map(([k, v]) => [k, v.join(" ")])));
        setError(e.message);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="add-number-title">
      <h2 id="add-number-title">{title}</h2>
      <FormError error={error} />
      <fieldset class="segmented">
        <legend>Provider</legend>
        <label><input type="radio" name="provider" value="meta" checked={provider === "meta"} onChange={() => setProvider("meta")} /> Meta (WhatsApp Cloud API)</label>
        <label><input type="radio" name="provider" value="twilio" checked={provider === "twilio"} onChange={() => setProvider("twilio")} /> Twilio</label>
      </fieldset>
      {provider === "meta" ? (
        <>
          <Field label="Phone number id" name="phoneNumberId" value={form.phoneNumberId} onInput={set("phoneNumberId")} error={errors.phoneNumberId} required hint="Digits, from Meta's WhatsApp Manager." />
          <Field label="Display phone number" name="displayPhoneNumber" value={form.displayPhoneNumber} onInput={set("displayPhoneNumber")} error={errors.displayPhoneNumber} placeholder="+34 600 000 000" />
          <Field label="WhatsApp business account id" name="businessAccountId" value={form.businessAccountId} onInput={set("businessAccountId")} error={errors.businessAccountId} />
          <Field label="Access token" name="accessToken" type="password" value={form.accessToken} onInput={set("accessToken")} error={errors.accessToken} autoComplete="off" hint="Without it, replies go to the local outbox." />
          <Field label="App secret" name="appSecret" type="password" value={form.appSecret} onInput={set("appSecret")} error={errors.appSecret} autoComplete="off" hint="Checks the webhook's signature. Leave empty to keep the stored one." />
          <Field label="Webhook verify token" name="verifyToken" value={form.verifyToken} onInput={set("verifyToken")} error={errors.verifyToken} autoComplete="off" />
        </>
      ) : (
        <>
          <Field label="Sender number" name="senderNumber" value={form.senderNumber} onInput={set("senderNumber")} error={errors.senderNumber} required placeholder="+14155238886" />
          <Field label="Account SID" name="accountSid" value={form.accountSid} onInput={set("accountSid")} error={errors.accountSid} required placeholder="AC…" />
          <Field label="Auth token" name="authToken" type="password" value={form.authToken} onInput={set("authToken")} error={errors.authToken} autoComplete="off" hint="Leave empty to keep the stored one." />
          <Field label="Messaging service SID" name="messagingServiceSid" value={form.messagingServiceSid} onInput={set("messagingServiceSid")} error={errors.messagingServiceSid} placeholder="MG… (optional)" />
          <Field label="Display phone number" name="displayPhoneNumber" value={form.displayPhoneNumber} onInput={set("displayPhoneNumber")} error={errors.displayPhoneNumber} />
        </>
      )}
      <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save number"}</button>
    </form>
  );
}
