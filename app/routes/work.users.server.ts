/** Accounts and roles, for state administrators. */
import { data } from 'react-router';
import { getDistrict, listDistricts } from '../../src/data/district.repository.ts';
import { accountExists, accountsWithGrants } from '../../src/data/user.repository.ts';
import type { DistrictCode } from '../../src/domain/district.ts';
import { DISTRICT_ROLES, ROLE_LABELS, ROLES, type Grant } from '../../src/domain/auth/permissions.ts';
import { createUser, grantRole, isRole, revokeRole, setAccountStatus } from '../../src/services/auth.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { publicOrigin, requirePermission, requireUser } from '../lib/session.server.ts';
import { separationOfDuties } from '../lib/env.server.ts';
import { type ActionResult, refusal, type ActionOutcome, txt } from '../lib/work-http.server.ts';

export async function usersData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/users').permission!);
  const store = await getStore();
  const users = await accountsWithGrants(store.db);
  const districts = (await listDistricts(store.db)).map((d) => ({ code: d.code as string, name: d.name })).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(districts.map((d) => [d.code, d.name]));
  return {
    me: user.id,
    roles: ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r], district: DISTRICT_ROLES.has(r) })),
    districts,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      status: u.status,
      locked: u.lockedUntil !== null && u.lockedUntil > new Date().toISOString(),
      grants: u.grants.map((g) => ({ role: g.role, districtCode: g.districtCode, label: `${ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? g.role}${g.districtCode ? ` — ${names.get(g.districtCode) ?? g.districtCode}` : ''}` })),
    })),
  };
}

/** A role from a form: a known role, and a district that exists when the role needs one. */
async function grantFromForm(form: FormData): Promise<Grant | string> {
  const role = txt(form.get('role'), 40);
  if (!isRole(role)) return `Choose a role.`;
  const code = txt(form.get('district'), 20).trim() || null;
  if (DISTRICT_ROLES.has(role)) {
    if (!code) return `The role "${ROLE_LABELS[role]}" needs a district.`;
    const store = await getStore();
    if (!(await getDistrict(store.db, code as DistrictCode))) return `There is no district with code "${code}".`;
    return { role, districtCode: code };
  }
  return { role, districtCode: null };
}

export async function usersAction(request: Request): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (!['invite', 'grant', 'revoke', 'disable', 'enable'].includes(intent)) throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/users', intent).permission!);
  const store = await getStore();
  if (intent === 'disable' || intent === 'enable') {
    const target = Number(form.get('userId'));
    if (!Number.isInteger(target)) return { ok: false, message: 'There is no such account.' };
    try {
      await setAccountStatus(store, `user:${user.id}`, target, intent === 'disable' ? 'disabled' : 'active');
    } catch (e) {
      return refusal(e);
    }
    return { ok: true, message: intent === 'disable' ? 'The account is disabled: its sessions ended and its access tokens are revoked.' : 'The account is enabled again.' };
  }
  const grant = await grantFromForm(form);
  if (typeof grant === 'string') return { ok: false, message: grant, issues: { role: grant } };
  const actor = `user:${user.id}`;
  try {
    if (intent === 'invite') {
      const r = await createUser(store, actor, { email: txt(form.get('email'), 200), name: txt(form.get('name'), 200), grants: [grant] }, { baseUrl: publicOrigin(request) });
      return { ok: true, message: `${r.user.name} is invited: an e-mail with a link to choose a password is on its way to ${r.user.email}.` };
    }
    const target = Number(form.get('userId'));
    if (!Number.isInteger(target) || !(await accountExists(store.db, target))) {
      return { ok: false, message: 'There is no such account.' };
    }
    if (intent === 'grant') {
      await grantRole(store, actor, target, grant, { separationOfDuties: separationOfDuties(process.env) });
      return { ok: true, message: 'The role is granted.' };
    }
    if (target === user.id && grant.role === 'state-admin') return { ok: false, message: 'You cannot remove your own administrator role; ask another administrator.' };
    await revokeRole(store, actor, target, grant);
    return { ok: true, message: 'The role is removed.' };
  } catch (e) {
    return refusal(e);
  }
}
