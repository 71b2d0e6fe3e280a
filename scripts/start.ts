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
// The embedded default is a demonstration: demo accounts and a sample cycle, so the whole
// workflow can be tried (ALLIANCE_DEMO=0 turns it off; never with NODE_ENV=production).
const env = process.env;
const demo = env.ALLIANCE_DEMO === '1' || (env.ALLIANCE_DEMO !== '0' && !env.DATABASE_URL && env.NODE_ENV !== 'production');
if (demo && env.NODE_ENV !== 'production') {
  const { openAppStore } = await import('../src/services/store.service.ts');
  const { seedDemo, DEMO_PASSWORD } = await import('../src/services/demo.service.ts');
  const store = await openAppStore(env, (m) => console.log(m));
  try {
    const r = await seedDemo(store, env);
    if (r.accounts > 0) console.log(`Demo: ${r.accounts} accounts created; sign in at /work/signin (e.g. admin@demo.alliance.test), password "${DEMO_PASSWORD}".`);
  } finally {
    await store.close();
  }
}
const { startServer } = await import('../server.ts');
const running = await startServer({ jobs: true });
console.log(`Alliance Districts site: ${running.url}  (database: ${process.env.DATABASE_URL || 'sqlite:./data/alliance.sqlite'})`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
