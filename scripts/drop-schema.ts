/**
 * Drops a PostgreSQL schema (the browser tests' PostgreSQL server starts from an empty one):
 *   node scripts/drop-schema.ts <postgres-url> <schema>
 * Only schemas named e2e_… are dropped, so a slip cannot remove real data.
 */
import { dropSchema } from '../src/data/database.ts';

const [url, schema] = process.argv.slice(2);
if (!url || !schema || !/^e2e_[a-z0-9_]{1,40}$/.test(schema)) {
  console.error('Usage: node scripts/drop-schema.ts <postgres-url> e2e_<name>');
  process.exit(2);
}
await dropSchema(url, schema);
