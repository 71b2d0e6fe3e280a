/**
 * The people the workflow writes to and chooses from: a district's contacts, the state's staff by
 * role, names by id. (Accounts, passwords and sessions are auth.service's.)
 */
import type { Executor } from './batch.ts';

export interface Person {
  readonly id: number;
  readonly email: string;
  readonly name: string;
}

const active = (db: Executor) =>
  db.selectFrom('user_grant').innerJoin('app_user', 'app_user.id', 'user_grant.user_id').select(['app_user.id', 'app_user.email', 'app_user.name']).where('app_user.status', '=', 'active');

const unique = (rows: { id: number | string; email: string; name: string }[]): Person[] => [...new Map(rows.map((r) => [r.email, { id: Number(r.id), email: r.email, name: r.name }])).values()];

/** Active people with a role in the district (its editors and representatives by default). */
export async function districtPeople(db: Executor, districtCode: string, roles: readonly string[] = ['district-editor', 'district-representative']): Promise<Person[]> {
  return unique(await active(db).where('user_grant.district_code', '=', districtCode).where('user_grant.role', 'in', [...roles]).execute());
}

/** Active people holding a role (for the state's roles, whatever the district). */
export async function peopleWithRole(db: Executor, roles: readonly string[]): Promise<Person[]> {
  return unique(await active(db).where('user_grant.role', 'in', [...roles]).execute());
}

/** Active people among the ids given. */
export async function activePeople(db: Executor, ids: readonly number[]): Promise<Person[]> {
  if (!ids.length) return [];
  return unique(await db.selectFrom('app_user').select(['id', 'email', 'name']).where('status', '=', 'active').where('id', 'in', [...ids]).execute());
}

/** Names by id (every account, whatever its status: a history names who acted then). */
export async function userNames(db: Executor, ids?: readonly number[]): Promise<Map<number, string>> {
  if (ids && !ids.length) return new Map();
  let q = db.selectFrom('app_user').select(['id', 'name']);
  if (ids) q = q.where('id', 'in', [...ids]);
  return new Map((await q.execute()).map((u) => [Number(u.id), u.name]));
}

/** Every account with its roles, by name (the users page). */
export async function accountsWithGrants(db: Executor): Promise<{ id: number; email: string; name: string; status: string; lockedUntil: string | null; grants: { role: string; districtCode: string | null }[] }[]> {
  const users = await db.selectFrom('app_user').select(['id', 'email', 'name', 'status', 'locked_until']).orderBy('name').execute();
  const grants = await db.selectFrom('user_grant').select(['user_id', 'role', 'district_code']).execute();
  return users.map((u) => ({
    id: Number(u.id),
    email: u.email,
    name: u.name,
    status: u.status,
    lockedUntil: u.locked_until,
    grants: grants.filter((g) => Number(g.user_id) === Number(u.id)).map((g) => ({ role: g.role, districtCode: g.district_code })),
  }));
}

export async function accountExists(db: Executor, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom('app_user').select('id').where('id', '=', id).executeTakeFirst());
}
