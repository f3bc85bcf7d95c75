import { useEffect, useState } from "preact/hooks";
import { ApiError, api, get, post } from "../api";
import { Field, FormError, Select } from "../components/Field";
import { can, canManageTeam, employee } from "../session";
import { PresenceDot, followPresence, presenceOf } from "../presence";
import type { EmployeeProfile, RoleView } from "../types";

export function TeamPage() {
  const [people, setPeople] = useState<EmployeeProfile[] | null>(null);
  const [form, setForm] = useState({ email: "", displayName: "", role: "agent" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setPeople(await get<EmployeeProfile[]>("/api/employees"));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  const [customRoles, setCustomRoles] = useState<string[]>([]);
  useEffect(() => {
    void load();
    followPresence();
    // The business's own roles, for those who may see them; everyone knows the system roles.
    if (can("roles.manage")) get<RoleView[]>("/api/roles").then((r) => setCustomRoles(r.filter((x) => !x.isSystem).map((x) => x.name)), () => undefined);
  }, []);

  async function changeRole(person: EmployeeProfile, role: string) {
    setError(null);
    setStatus(null);
    try {
      await api("PATCH", `/api/employees/${person.id}`, { role });
      setStatus(`${person.displayName} is now ${role}.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.field("role") ?? e.message : String(e));
    }
    await load();
  }

  async function invite(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    setStatus(null);
    try {
      await post("/api/employees", { email: form.email.trim(), role: form.role, displayName: form.displayName.trim() || undefined });
      setStatus(`Invitation sent to ${form.email.trim()}.`);
      setForm({ email: "", displayName: "", role: form.role });
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

  const roles: [string, string][] = [
    ...(employee.value?.role === "owner"
      ? [["agent", "Agent"], ["viewer", "Viewer"], ["admin", "Admin"], ["owner", "Owner"]] as [string, string][]
      : [["agent", "Agent"], ["viewer", "Viewer"], ["admin", "Admin"]] as [string, string][]),
    ...customRoles.map((r) => [r, r] as [string, string]),
  ];

  return (
    <section class="page" aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      {status && <p class="notice" role="status">{status}</p>}
      <FormError error={error} />
      {people === null ? (
        <p role="status">Loading…</p>
      ) : (
        <table class="table" data-testid="employees">
          <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.status === "active" && <PresenceDot presence={presenceOf(p.id)?.presence} />}{p.displayName}{p.id === employee.value?.id && <span class="meta"> (you)</span>}</td>
                <td>{p.email}</td>
                <td>
                  {canManageTeam.value && p.id !== employee.value?.id && p.status === "active" ? (
                    <select aria-label={`Role of ${p.displayName}`} value={p.role} onChange={(e) => void changeRole(p, (e.currentTarget as HTMLSelectElement).value)}>
                      {(roles.some(([value]) => value === p.role) ? roles : [...roles, [p.role, p.role] as [string, string]]).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                    </select>
                  ) : p.role}
                </td>
                <td>{p.status}{!p.emailVerified && p.status === "active" && <span class="meta"> · e-mail not verified</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManageTeam.value && (
        <form class="card settings-form" onSubmit={invite} noValidate aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <Field label="E-mail" name="email" type="email" value={form.email} onInput={(email) => setForm({ ...form, email })} error={errors.email} required />
          <Field label="Name (optional)" name="displayName" value={form.displayName} onInput={(displayName) => setForm({ ...form, displayName })} error={errors.displayName} />
          <Select label="Role" name="role" value={form.role} onChange={(role) => setForm({ ...form, role })} options={roles} />
          <button type="submit" class="primary" disabled={busy}>{busy ? "Sending…" : "Send invitation"}</button>
        </form>
      )}
    </section>
  );
}
