/**
 * A local stand-in for Wikipedia and Wikidata on 127.0.0.1, answering the real APIs' paths
 * from tests/fixtures/wikimedia.ts, or misbehaving on purpose ('429', '500', 'garbage',
 * 'hang') for the robustness tests. It records every request so tests can assert what was
 * (and was not) sent. Test use only: online mode points here through BACKSTORY_WIKIPEDIA_URL
 * and BACKSTORY_WIKIDATA_URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer } from '../../tests/fixtures/wikimedia.ts';

export type FakeMode = 'ok' | '429' | '500' | 'garbage' | 'hang';

export interface FakeWikimedia {
  url: string;
  requests: string[];
  /** The headers of each request, in the same order (lower-case names). */
  headers: Record<string, string | string[] | undefined>[];
  setMode(mode: FakeMode): void;
  close(): Promise<void>;
}

export async function startFakeWikimedia(mode: FakeMode = 'ok'): Promise<FakeWikimedia> {
  const requests: string[] = [];
  const headers: FakeWikimedia['headers'] = [];
  let current = mode;
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    headers.push({ ...req.headers });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (current === 'hang') {
      hanging.add(res);
      return;
    }
    if (current === '429' || current === '500') {
      res.writeHead(Number(current), { 'Content-Type': 'application/json' });
      res.end('{}');
      return;
    }
    if (current === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html>this is not JSON');
      return;
    }
    const [status, body] = answer(req.url ?? '/');
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    headers,
    setMode: (m) => {
      current = m;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
