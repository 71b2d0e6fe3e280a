/**
 * Every repository test runs on every dialect: SQLite (in memory) always, and PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it; each store gets a schema of its own, dropped after).
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { dropSchema, openStore, type SqlDialect, type Store } from '../../src/data/database.ts';

export interface TestDialect {
  readonly name: SqlDialect;
  open(): Promise<Store>;
  close(store: Store): Promise<void>;
}

const PG_URL = process.env.TEST_DATABASE_URL;
const schemas = new WeakMap<Store, string>();

export const dialects: TestDialect[] = [
  {
    name: 'sqlite',
    open: () => openStore('sqlite::memory:'),
    close: (store) => store.close(),
  },
  ...(PG_URL
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `t_${randomBytes(6).toString('hex')}`;
            const store = await openStore(PG_URL, { schema });
            schemas.set(store, schema);
            return store;
          },
          async close(store: Store) {
            await store.close();
            const schema = schemas.get(store);
            if (schema) await dropSchema(PG_URL, schema);
          },
        },
      ]
    : []),
];

if (!PG_URL && !process.env.ALLIANCE_QUIET_SKIP) {
  process.env.ALLIANCE_QUIET_SKIP = '1';
  console.warn('TEST_DATABASE_URL is not set: database tests run on SQLite only. Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run them on PostgreSQL too.');
}

/**
 * The real data folder: ALLIANCE_SHARED_DATA (as for scripts/build-dataset.ts), else the one beside
 * the project — if present (CI has it; a fresh clone may not). Tests that need it say when they skip.
 */
export const SHARED_DATA = process.env.ALLIANCE_SHARED_DATA ? pathToFileURL(`${process.env.ALLIANCE_SHARED_DATA.replace(/\/+$/, '')}/`) : new URL('../../../shared/data/', import.meta.url);
