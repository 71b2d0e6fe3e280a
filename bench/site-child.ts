/**
 * A server for the site benchmark, in its own process so its memory is its own: either the real
 * site (server.ts) or a bare node:http server answering every request with the same bytes.
 * Reports its URL on start and its peak resident memory when asked.
 */
import { createServer } from 'node:http';
import { startServer } from '../server.ts';

const [mode, bodyFile] = process.argv.slice(2);
let url: string;
if (mode === 'bare') {
  const { readFileSync } = await import('node:fs');
  const body = readFileSync(bodyFile!);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const a = server.address();
  url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
} else {
  const running = await startServer({ port: 0, rateLimitPerMinute: 0, log: () => undefined });
  url = running.url;
}
process.send!({ url });
process.on('message', (m) => {
  if (m === 'report') process.send!({ maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / 1048576 });
  if (m === 'exit') process.exit(0);
});
