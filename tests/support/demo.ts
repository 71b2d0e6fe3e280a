/**
 * A database with the demo seeded (the monitoring year included), for service tests: the store,
 * the demo accounts by their short names, and a plan's id by district code (the FY2026 cycle).
 */
import type { Store } from '../../src/data/database.ts';
import { loadEmbedded } from '../../src/data/embedded.ts';
import { userByEmail, type User } from '../../src/services/auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../../src/services/demo.service.ts';
import type { TestDialect } from './dialects.ts';

export interface DemoStore {
  readonly store: Store;
  readonly users: Record<string, User>;
  planOf(code: string): Promise<number>;
}

export async function openDemo(dialect: TestDialect, who: readonly string[]): Promise<DemoStore> {
  const store = await dialect.open();
  await loadEmbedded(store);
  await seedDemo(store, {});
  const users: Record<string, User> = {};
  for (const w of who) users[w] = (await userByEmail(store.db, `${w}@${DEMO_DOMAIN}`))!;
  const cycle = Number((await store.db.selectFrom('cycle').select('id').where('fiscal_year', '=', 2026).executeTakeFirstOrThrow()).id);
  return { store, users, planOf: async (code) => Number((await store.db.selectFrom('plan').select('id').where('cycle_id', '=', cycle).where('district_code', '=', code).executeTakeFirstOrThrow()).id) };
}
