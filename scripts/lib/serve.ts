/**
 * A static file server on 127.0.0.1 for the demo, the end-to-end tests and the
 * benchmark. Never reaches the network. A page may ask for response headers
 * (e.g. a strict CSP) with a sibling file NAME.headers.json.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Extra routes generated in memory (e.g. a 10,000-word article). */
  route(path: string, body: string, headers?: Record<string, string>): void;
}

export async function serve(roots: string[], port = 0): Promise<Served> {
  const dynamic = new Map<string, { body: string; headers: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const dyn = dynamic.get(path);
      if (dyn) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...dyn.headers });
        res.end(dyn.body);
        return;
      }
      for (const root of roots) {
        const file = resolve(root, '.' + normalize(path));
        if (!file.startsWith(resolve(root))) continue;
        let target = file;
        try {
          if ((await stat(target)).isDirectory()) target = join(target, 'index.html');
          const body = await readFile(target);
          const extra = target + '.headers.json';
          const headers = existsSync(extra) ? (JSON.parse(readFileSync(extra, 'utf8')) as Record<string, string>) : {};
          res.writeHead(200, {
            'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
            ...headers,
          });
          res.end(body);
          return;
        } catch {
          // try the next root
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })();
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    route: (p, body, headers = {}) => dynamic.set(p, { body, headers }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
