/**
 * The pure core stays pure: nothing under src/domain imports a framework, a database, an I/O
 * library, node:* or an outer layer (the lint rule says the same; this makes `npm test` say it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../src/domain/', import.meta.url).pathname;
const FORBIDDEN = /^(node:|fs$|path$|crypto$|react|@react-router|kysely|better-sqlite3|pg($|-)|zod|exceljs|nodemailer)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('src/domain is pure', () => {
  const sources = files(ROOT);
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(10));
  for (const file of sources) {
    it(file.slice(ROOT.length), () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(FORBIDDEN.test(spec), `${spec}`).toBe(false);
        if (spec.startsWith('.')) expect(resolve(dirname(file), spec).startsWith(ROOT), `${spec} reaches outside src/domain`).toBe(true);
      }
    });
  }
});
