import { useEffect, useState } from "preact/hooks";
import { ApiError, del, get, post } from "../api";
import { Field, FormError } from "../components/Field";
import { queryParam } from "../router";
import type { WhatsAppChannel } from "../types";
import { SettingsNav } from "../components/SettingsNav";

type Provider = "meta" | "twilio";

const emptyForm = {
  phoneNumberId: "", businessAccountId: "", accessToken: "", appSecret: "", verifyToken: "", displayPhoneNumber: "",
  senderNumber: "", accountSid: "", authToken: "", messagingServiceSid: "",
};

/** Settings → WhatsApp numbers. Secrets are write-only: the API only says whether each is set. */
export function WhatsAppSettingsPage() {
  const [channels, setChannels] = useState<WhatsAppChannel[] | null>(null);
  const [provider, setProvider] = useState<Provider>("meta");
  const [form, setForm] = useState(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof emptyForm) => (value: string) => setForm({ ...form, [key]: value });

  async function load() {
    try {
      setChannels(await get<WhatsAppChannel[]>("/api/settings/whatsapp"));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  useEffect(() => void load(), []);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    setStatus(null);
    const fields = provider === "meta"
      ? ["phoneNumberId", "businessAccountId", "accessToken", "appSecret", "verifyToken", "displayPhoneNumber"] as const
      : ["senderNumber", "accountSid", "authToken", "messagingServiceSid", "displayPhoneNumber"] as const;
    const body: Record<string, string> = { provider };
    for (const field of fields) if (form[field].trim()) body[field] = form[field].trim();
    try {
      const saved = await post<WhatsAppChannel>("/api/settings/whatsapp", body);
      setForm(emptyForm);
      setStatus(`Saved ${saved.displayPhoneNumber || saved.address}.`);
      await load();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(e.problem.errors ?? {}).map(([k, v]) => [k, v.join(" ")])));
        setError(e.message);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(channel: WhatsAppChannel) {
    if (!confirm(`Remove ${channel.displayPhoneNumber || channel.address}? Messages to it will no longer arrive.`)) return;
    try {
      await del(`/api/settings/whatsapp/${channel.id}`);
      setStatus(`Removed ${channel.displayPhoneNumber || channel.address}.`);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  const set_ = (has: boolean) => (has ? "set" : "not set");

  return (
    <section class="page" aria-labelledby="settings-title">
      <SettingsNav />
      <h1 id="settings-title">WhatsApp numbers</h1>
      {queryParam("welcome") && (
        <p class="notice">Welcome! Connect your WhatsApp number to start receiving customers' messages.</p>
      )}
      {status && <p class="notice" role="status">{status}</p>}
      <FormError error={error} />
      {channels === null ? (
        <p role="status">Loading…</p>
      ) : channels.length === 0 ? (
        <p class="empty">No number connected yet.</p>
      ) : (
        <table class="table" data-testid="channels">
          <caption class="visually-hidden">Connected numbers</caption>
          <thead>
            <tr><th scope="col">Number</th><th scope="col">Provider</th><th scope="col">Credentials</th><th scope="col">Sending</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id}>
                <td>
                  <strong>{c.displayPhoneNumber || c.address}</strong>
                  <div class="meta">{c.provider === "meta" ? `Phone number id ${c.address}` : c.address}</div>
                </td>
                <td>{c.provider === "meta" ? "Meta Cloud API" : "Twilio"}</td>
                <td class="meta">
                  {c.provider === "meta"
                    ? `access token ${set_(c.hasAccessToken)}, app secret ${set_(c.hasAppSecret)}, verify token ${set_(c.hasVerifyToken)}`
                    : `auth token ${set_(c.hasAuthToken)}${c.accountSid ? `, account ${c.accountSid}` : ""}`}
                </td>
                <td>{c.sendsThroughProvider ? "Through the provider" : "Local outbox (no credentials)"}</td>
                <td><button type="button" class="danger" onClick={() => void remove(c)}>Remove<span class="visually-hidden"> {c.displayPhoneNumber || c.address}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="add-number-title">
        <h2 id="add-number-title">Add or update a number</h2>
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
    </section>
  );
}
