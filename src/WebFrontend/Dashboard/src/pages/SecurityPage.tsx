import { useEffect, useState } from "preact/hooks";
import { api, get, post } from "../api";
import { can, refresh, twoFactorSetupRequired } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { CheckField, InputField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import type { TwoFactorStatus } from "../types";

type Setup = { secret: string; otpauthUri: string };

/** The signed-in employee's two-factor authentication, and (owners) whether the business requires it. */
export function SecurityPage() {
  const [state, setState] = useState<TwoFactorStatus | null>(null);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayRequireTwoFactor = can("security.manage");
  const required = twoFactorSetupRequired.value;

  async function load() {
    try {
      setState(await get<TwoFactorStatus>("/api/auth/2fa"));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => void load(), []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (e) {
      const fields = fieldErrors(e);
      setErrors(fields);
      if (Object.keys(fields).length === 0 || fields.twoFactor) setError(fields.twoFactor ?? errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const begin = () => run(async () => {
    setSetup(await post<Setup>("/api/auth/2fa/setup"));
    setRecoveryCodes(null);
    setCode("");
  });

  const enable = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      const answer = await post<{ recoveryCodes: string[] }>("/api/auth/2fa/enable", { code: code.trim() });
      setRecoveryCodes(answer.recoveryCodes);
      setSetup(null);
      setCode("");
      setStatus("Two-factor authentication is on.");
      // A token issued while set-up was required only opens this page: get a full one.
      if (twoFactorSetupRequired.value) await refresh();
      await load();
    });
  };

  const disable = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      await post("/api/auth/2fa/disable", { password });
      setPassword("");
      setRecoveryCodes(null);
      setStatus("Two-factor authentication is off.");
      await load();
    });
  };

  return (
    <section class="page" aria-labelledby="security-title">
      {!required && <SettingsNav />}
      <h1 id="security-title">Security</h1>
      {required && (
        <div class="notice" role="alert" data-testid="setup-required">
          Your business requires two-factor authentication. Set it up here to use Conversations.
        </div>
      )}
      <Status text={status} />
      {error && <div class="form-error" role="alert">{error}</div>}

      <section class="card settings-form" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">Two-factor authentication</h2>
        {!state ? <p>Loading…</p> : (
          <p data-testid="two-factor-state">
            {state.enabled ? `On. ${state.recoveryCodesLeft} recovery codes left.` : "Off."}
            {state.requiredByBusiness && " Your business requires it."}
          </p>
        )}

        {recoveryCodes && (
          <div class="recovery-codes" data-testid="recovery-codes">
            <h3>Your recovery codes</h3>
            <p>Keep them somewhere safe: each one logs you in once without the app. They are shown only now.</p>
            <ul class="code-list">{recoveryCodes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
          </div>
        )}

        {state && !state.enabled && !setup && (
          <button type="button" class="primary" disabled={busy} onClick={() => void begin()}>Set up two-factor authentication</button>
        )}

        {setup && (
          <form onSubmit={enable} noValidate aria-label="Confirm the authenticator app">
            <p>Add this account to your authenticator app: paste the secret key (or the setup link) into it.</p>
            <dl class="facts">
              <dt>Secret key</dt>
              <dd><code data-testid="totp-secret" class="wrap">{setup.secret}</code></dd>
              <dt>Setup link</dt>
              <dd><code data-testid="totp-uri" class="wrap">{setup.otpauthUri}</code></dd>
            </dl>
            <InputField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onInput={setCode}
              error={errors.code} hint="The six digits the app shows now." required />
            <div class="actions"><button type="submit" class="primary" disabled={busy || !code.trim()}>Turn on two-factor authentication</button></div>
          </form>
        )}

        {state?.enabled && (
          <form onSubmit={disable} noValidate aria-label="Turn off two-factor authentication">
            <InputField label="Your password" name="password" type="password" autoComplete="current-password" value={password} onInput={setPassword}
              error={errors.password} required />
            <div class="actions"><button type="submit" class="danger" disabled={busy || !password}>Turn off two-factor authentication</button></div>
          </form>
        )}
      </section>

      {mayRequireTwoFactor && !required && <BusinessSecurity />}
    </section>
  );
}

/** Owners: require two-factor authentication of everyone in the business. */
function BusinessSecurity() {
  const [requireTwoFactor, setRequire] = useState<boolean | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    get<{ requireTwoFactor: boolean }>("/api/settings/security").then((s) => setRequire(s.requireTwoFactor), (e) => setError(errorMessage(e)));
  }, []);

  async function change(on: boolean) {
    setError(undefined);
    setStatus(null);
    try {
      const saved = await api<{ requireTwoFactor: boolean }>("PATCH", "/api/settings/security", { requireTwoFactor: on });
      setRequire(saved.requireTwoFactor);
      setStatus(saved.requireTwoFactor ? "Two-factor authentication is now required." : "Two-factor authentication is now optional.");
    } catch (e) {
      setError(fieldErrors(e).requireTwoFactor ?? errorMessage(e));
    }
  }

  return (
    <section class="card settings-form" aria-labelledby="business-security-title">
      <h2 id="business-security-title">Business</h2>
      <Status text={status} />
      {requireTwoFactor === null ? (error ? <p class="error">{error}</p> : <p>Loading…</p>) : (
        <CheckField label="Require two-factor authentication for everyone" name="requireTwoFactor" checked={requireTwoFactor} onChange={(on) => void change(on)}
          error={error} hint="Employees without it can then only set it up." />
      )}
    </section>
  );
}
