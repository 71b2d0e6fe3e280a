/**
 * Opens the application's database from DATABASE_URL (default: the embedded SQLite file; on
 * PostgreSQL, DATABASE_SCHEMA picks a schema), and fills an empty SQLite database with the
 * embedded Connecticut dataset — for the CLI and the web server alike.
 */
import { DEFAULT_DATABASE_URL, openStore, type Store } from '../data/database.ts';
import { hasData, loadEmbedded } from '../data/embedded.ts';

export async function openAppStore(
  env: Readonly<Record<string, string | undefined>>,
  log: (message: string) => void,
  options: { loadEmbedded?: boolean } = {},
): Promise<Store> {
  const store = await openStore(env.DATABASE_URL || DEFAULT_DATABASE_URL, env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {});
  // An empty SQLite file is the embedded default; an empty PostgreSQL database is filled only when
  // asked (ALLIANCE_LOAD_EMBEDDED=1), since a state's own data is normally imported there.
  const fill = store.dialect === 'sqlite' || env.ALLIANCE_LOAD_EMBEDDED === '1';
  if (options.loadEmbedded !== false && fill && !(await hasData(store))) {
    log(`First use of ${store.label}: loading the embedded Connecticut dataset…`);
    const { rows } = await loadEmbedded(store);
    log(`Loaded ${rows.toLocaleString('en-US')} rows (sources: dataset/connecticut/NOTICE.md).`);
  }
  return store;
}

/**
 * A version of the data: it changes whenever an import (or, later, a publication) changes what
 * public pages show, so rendered pages can be cached against it.
 */
export async function dataVersion(store: Store): Promise<string> {
  const r = await store.db
    .selectFrom('import_log')
    .select((eb) => [eb.fn.max('id').as('last'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  // Decisions, releases, spending reports, budget revisions and annual reviews change what the
  // public pages show (published plans, released funds, spending to date, distance to exit).
  const pub = await store.db
    .selectFrom('plan_event')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('kind', 'in', ['decision', 'release', 'expenditures-imported', 'budget-revised', 'annual-review'])
    .executeTakeFirstOrThrow();
  // A goal's value to date (the public pages show each goal's progress).
  const goal = await store.db.selectFrom('goal_value').select((eb) => eb.fn.max('id').as('last')).executeTakeFirstOrThrow();
  return `${Number(r.last ?? 0)}.${Number(r.n)}.${Number(pub.last ?? 0)}.${Number(goal.last ?? 0)}`;
}
