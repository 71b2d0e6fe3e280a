/**
 * `npm start`: builds the site if the build is missing or older than the sources, then serves it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = join(root, 'build', 'server', 'index.js');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.startsWith('.') || e.endsWith('.test.ts')) continue;
    t = Math.max(t, newest(join(path, e)));
  }
  return t;
}

const sources = Math.max(...['app', 'src', 'dataset', 'public', 'vite.config.ts', 'react-router.config.ts', 'package-lock.json'].map((p) => newest(join(root, p))));
if (!existsSync(build) || statSync(build).mtimeMs < sources) {
  console.log(existsSync(build) ? 'The sources changed since the last build: building the site…' : 'Building the site (first start)…');
  execFileSync(process.execPath, [join(root, 'node_modules', '@react-router', 'dev', 'bin.cjs'), 'build'], { cwd: root, stdio: 'inherit' });
}
const { startServer } = await import('../server.ts');
const running = await startServer();
console.log(`Alliance Districts site: ${running.url}  (database: ${process.env.DATABASE_URL || 'sqlite:./data/alliance.sqlite'})`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
