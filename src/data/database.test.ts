/**
 * Opening databases: migrations create every table in the schema asked for, even when another
 * schema of the same PostgreSQL database already holds migrated tables (a real bug: Kysely took
 * another schema's migration tables for this one's).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dropSchema, openStore } from './database.ts';

const PG_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!PG_URL)('PostgreSQL schemas', () => {
  it('migrates a second schema while a first, migrated one exists', async () => {
    const a = `t_${randomBytes(5).toString('hex')}`;
    const b = `t_${randomBytes(5).toString('hex')}`;
    const first = await openStore(PG_URL!, { schema: a });
    try {
      const second = await openStore(PG_URL!, { schema: b });
      try {
        const tables = await second.db.introspection.getTables();
        const inB = tables.filter((t) => t.schema === b).map((t) => t.name);
        expect(inB).toEqual(expect.arrayContaining(['plan', 'audit_event', 'district']));
        expect(await second.db.selectFrom('audit_head').select('seq').executeTakeFirst()).toEqual({ seq: 0 });
      } finally {
        await second.close();
        await dropSchema(PG_URL!, b);
      }
    } finally {
      await first.close();
      await dropSchema(PG_URL!, a);
    }
  });
});

describe('SQLite', () => {
  it('migrates an empty in-memory database to the latest schema', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const names = (await store.db.introspection.getTables()).map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['plan', 'audit_event', 'district']));
    } finally {
      await store.close();
    }
  });
});
