/**
 * Imports one file in a fresh process and reports time, rows and peak resident memory, so the
 * memory figure is the import's own. Used by bench/run.ts.
 */
import { openStore } from '../src/data/database.ts';
import { importFile } from '../src/services/import.service.ts';

const [url, file, schema] = process.argv.slice(2) as [string, string, string | undefined];
const store = await openStore(url, schema ? { schema } : {});
const t0 = performance.now();
const r = await importFile(store, 'ngas', file);
const ms = performance.now() - t0;
await store.close();
process.stdout.write(JSON.stringify({ rows: r.rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
