import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFile } from './static-files.ts';

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files of the folder, and nothing outside it or that is not a file', () => {
    expect(staticFile(dir, '/assets/app-1234.js')?.size).toBe(14);
    expect(staticFile(dir, '/favicon.svg')).not.toBeNull();
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd.txt', '/assets', '/assets/missing.js', '/favicon.svg%00.js', '/api/v1/laws.json', '/districts', '/%E0%A4%A.js']) {
      expect(staticFile(dir, p), p).toBeNull();
    }
  });
});
