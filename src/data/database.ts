/**
 * Opens the database a URL names: `sqlite:<path>` (the embedded default; `sqlite::memory:` for
 * tests) or `postgres://…` (production and scale). The same Kysely schema and migrations run on
 * both; repository tests loop over both dialects.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { registerPostgres, registerSqlite, type Executor } from './batch.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type SqlDialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** The URL with any password hidden, for messages. */
  readonly label: string;
  /** The SQLite connection itself (SQLite only), for the bulk-write fast path. */
  readonly raw?: SQLite.Database;
  /** PostgreSQL: the schema the tables live in. */
  readonly schema?: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/alliance.sqlite';

export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

/** The URL with the password replaced, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function int8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`An integer column holds ${text}, beyond what the application handles exactly`);
  return n;
}

export interface OpenOptions {
  /** PostgreSQL only: use (and create) this schema, so parallel tests do not share tables. */
  readonly schema?: string;
  /** Run migrations to the latest version (default true). */
  readonly migrate?: boolean;
}

/** Opens (and by default migrates) the database a URL names. */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new DatabaseUrlError('A SQLite URL needs a file path: sqlite:./data/alliance.sqlite (or sqlite::memory:)');
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const database = new SQLite(path === ':memory:' ? ':memory:' : resolve(path));
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.defaultSafeIntegers(false);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    registerSqlite(db, database);
    store = { db, dialect: 'sqlite', label: `sqlite:${path}`, raw: database, close: () => db.destroy() };
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import('pg');
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new DatabaseUrlError(`Not a usable schema name: "${schema}"`);
    }
    if (schema) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', label: redactUrl(url) + (schema ? ` (schema ${schema})` : ''), schema: schema || 'public', close: () => db.destroy() };
  } else {
    throw new DatabaseUrlError(
      `DATABASE_URL must start with sqlite: or postgres:// (got "${redactUrl(url).slice(0, 40)}"). Example: sqlite:./data/alliance.sqlite`,
    );
  }
  if (options.migrate !== false) await migrateToLatest(store);
  return store;
}

/**
 * Runs `fn` in one transaction: all of it or none of it. On SQLite the transaction's writes use
 * the bulk fast path (same connection, so still inside the transaction).
 *
 * Inside `fn`, read and write only through `trx`: on SQLite the transaction holds the one
 * connection, and a query through `store.db` would wait for it forever.
 */
export async function inTransaction<T>(store: Store, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    if (store.raw) registerSqlite(trx, store.raw);
    else if (store.dialect === 'postgres') registerPostgres(trx);
    return fn(trx);
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(store: Store): Promise<void> {
  // On PostgreSQL, name the schema: Kysely otherwise takes migration tables it finds in any
  // schema (another test's, another deployment's) for this one's and skips creating them.
  const migrator = new Migrator({ db: store.db, provider: migrations(store.dialect), ...(store.schema ? { migrationTableSchema: store.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed on ${store.label}: ${String(error)}`, { cause: error });
  }
}

/** Drops a PostgreSQL test schema. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
