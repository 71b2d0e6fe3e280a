/**
 * The production web server's entry point (`npm run serve`): the server itself is composed in
 * server/main.ts from the modules beside it (rate limit, static files, guards, page cache).
 */
import { startServer } from './server/main.ts';

export { CLIENT_IP_HEADER, startServer, type RunningServer, type ServerOptions } from './server/main.ts';

if (import.meta.main) {
  const running = await startServer({ jobs: true });
  console.log(`Alliance Districts site: ${running.url}  (database: ${process.env.DATABASE_URL || 'sqlite:./data/alliance.sqlite'})`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
