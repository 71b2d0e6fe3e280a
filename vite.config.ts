import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  css: {
    preprocessorOptions: {
      scss: { loadPaths: ['node_modules/@uswds/uswds/packages'], quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: { sourcemap: false },
  // Native and server-only modules stay outside the server bundle.
  ssr: { external: ['better-sqlite3', 'pg', 'exceljs'] },
});
