import { useEffect, useState } from "preact/hooks";
import { api, del, get, post } from "../api";
import { can } from "../session";
import { errorMessage, fieldErrors } from "../components/records";
import { InputField, Status } from "../components/RecordFields";
import { SettingsNav } from "../components/SettingsNav";
import type { RoleView } from "../types";

type Form = { name: string; permissions: string[] };
const emptyForm: Form = { name: "", permissions: [] };

/** Every permission some role grants (the owner's role grants them all), grouped by what they are about. */
function permissionGroups(roles: RoleView[]): [string, string[]][] {
  const all = [...new Set(roles.flatMap((r) => r.permissions))].sort();
  const groups = new Map<string, string[]>();
  for (const permission of all) {
    const group = permission.split(".")[0];
    groups.set(group, [...(groups.get(group) ?? []), permission]);
  }
  return [...groups.entries()];
}

/**
 * The permission matrix: roles across, permissions down. The system roles are the same for every business and
 * shown read-only; the business's own roles are created, changed and deleted here. Nobody grants a permission
 * their own role does not have (the server refuses it too).
 */
export function RolesPage() {
  const [roles, setRoles] = useState<RoleView[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setRoles(await get<RoleView[]>("/api/roles"));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => void load(), []);

  function edit(role: RoleView | null) {
    setEditing(role?.id ?? null);
    setForm(role ? { name: role.name, permissions: [...role.permissions] } : emptyForm);
    setErrors({});
    setError(null);
    if (role) requestAnimationFrame(() => document.getElementById("role-form-title")?.scrollIntoView({ block: "nearest" }));
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setStatus(null);
    const body = { name: form.name.trim(), permissions: form.permissions };
    try {
      if (editing) await api<RoleView>("PATCH", `/api/roles/${editing}`, body);
      else await post<RoleView>("/api/roles", body);
      setStatus(editing ? `Role ${body.name} saved.` : `Role ${body.name} created.`);
      edit(null);
      await load();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(role: RoleView) {
    if (!confirm(`Delete the role ${role.name}?`)) return;
    setStatus(null);
    setError(null);
    try {
      await del(`/api/roles/${role.id}`);
      setStatus(`Role ${role.name} deleted.`);
      if (editing === role.id) edit(null);
      await load();
    } catch (e) {
      setError(fieldErrors(e).id ?? errorMessage(e));
    }
  }

  function toggle(permission: string, on: boolean) {
    setForm({ ...form, permissions: on ? [...form.permissions, permission] : form.permissions.filter((p) => p !== permission) });
  }

  const groups = roles ? permissionGroups(roles) : [];
  return (
    <section class="page" aria-labelledby="roles-title">
      <SettingsNav />
      <h1 id="roles-title">Roles</h1>
      <p class="hint">The system roles are the same for every business and cannot be changed. Your own roles take effect at once for everyone who holds them; give a role to a colleague on the Team page.</p>
      <Status text={status} />
      {error && !busy && <div class="form-error" role="alert">{error}</div>}
      {roles === null ? <p role="status">Loading…</p> : (
        <div class="table-scroll">
          <table class="table role-matrix" data-testid="role-matrix">
            <caption class="visually-hidden">Permissions granted by each role</caption>
            <thead>
              <tr>
                <th scope="col">Permission</th>
                {roles.map((r) => (
                  <th scope="col" key={r.id} data-role={r.name}>
                    {r.name}
                    <span class="meta"> {r.isSystem ? "(system)" : `(${r.employees})`}</span>
                    {!r.isSystem && (
                      <span class="actions">
                        <button type="button" class="small secondary" onClick={() => edit(r)} aria-label={`Edit role ${r.name}`}>Edit</button>
                        <button type="button" class="small danger" onClick={() => void remove(r)} aria-label={`Delete role ${r.name}`}>Delete</button>
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map(([group, permissions]) => [
                <tr class="group" key={group}><th scope="rowgroup" colSpan={roles.length + 1}>{group.replace(/_/g, " ")}</th></tr>,
                ...permissions.map((p) => (
                  <tr key={p}>
                    <th scope="row">{p}</th>
                    {roles.map((r) => (
                      <td key={r.id}>
                        {r.permissions.includes(p) ? <span role="img" aria-label={`${r.name} has ${p}`}>✓</span> : <span role="img" aria-label={`${r.name} lacks ${p}`} class="meta">—</span>}
                      </td>
                    ))}
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      )}
      {roles && (
        <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="role-form-title">
          <h2 id="role-form-title">{editing ? `Edit role ${form.name}` : "New role"}</h2>
          {errors.permissions && <p class="error">{errors.permissions}</p>}
          <InputField label="Role name" name="name" value={form.name} onInput={(name) => setForm({ ...form, name })} error={errors.name} required maxLength={32}
            hint="2 to 32 lower-case letters, digits, - or _, e.g. receptionist." />
          <fieldset class="permission-checks">
            <legend>Permissions</legend>
            {groups.flatMap(([, permissions]) => permissions).map((p) => (
              <label key={p}>
                <input type="checkbox" name="permissions" value={p} checked={form.permissions.includes(p)} disabled={!can(p)}
                  onChange={(e) => toggle(p, (e.currentTarget as HTMLInputElement).checked)} />
                {p}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : editing ? "Save role" : "Create role"}</button>
            {editing && <button type="button" class="secondary" onClick={() => edit(null)}>Cancel</button>}
          </div>
        </form>
      )}
    </section>
  );
}
