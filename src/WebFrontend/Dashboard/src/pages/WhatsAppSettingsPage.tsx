import { useEffect, useState } from "preact/hooks";
import { ApiError, del, get } from "../api";
import { FormError } from "../components/Field";
import { WhatsAppNumberForm } from "../components/WhatsAppNumberForm";
import type { WhatsAppChannel } from "../types";
import { SettingsNav } from "../components/SettingsNav";
import { TestMessageForm } from "../components/TestMessageForm";

/** Settings → WhatsApp numbers. Secrets are write-only: the API only says whether each is set. */
export function WhatsAppSettingsPage() {
  const [channels, setChannels] = useState<WhatsAppChannel[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function load() {
    try {
      setChannels(await get<WhatsAppChannel[]>("/api/settings/whatsapp"));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  useEffect(() => void load(), []);

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

      {channels && <TestMessageForm channels={channels} />}
      <WhatsAppNumberForm
        onSaved={async (saved) => {
          setStatus(`Saved ${saved.displayPhoneNumber || saved.address}.`);
          await load();
        }}
      />
    </section>
  );
}
