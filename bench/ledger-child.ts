/**
 * Imports one ledger export into Hartford's approved demo plan in a fresh process and reports
 * time, rows and peak resident memory. Used by bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openStore } from '../src/data/database.ts';
import { userByEmail } from '../src/services/auth.service.ts';
import { DEMO_DOMAIN, DEMO_LEDGER_MAPPING } from '../src/services/demo.service.ts';
import { importExpenditures } from '../src/services/monitoring/index.ts';

const [url, file, planId] = process.argv.slice(2) as [string, string, string];
const store = await openStore(url);
const editor = (await userByEmail(store.db, `editor.hartford@${DEMO_DOMAIN}`))!;
const bytes: Uint8Array = readFileSync(file);
const t0 = performance.now();
const r = await importExpenditures(store, editor, Number(planId), { name: basename(file), bytes, period: 'bench', mapping: DEMO_LEDGER_MAPPING });
const ms = performance.now() - t0;
await store.close();
const mem = process.memoryUsage();
process.stdout.write(JSON.stringify({ rows: r.report.rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, heapMb: mem.heapUsed / 1048576, externalMb: mem.external / 1048576 }) + '\n');
