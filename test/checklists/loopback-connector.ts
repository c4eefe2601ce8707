/**
 * A fake Bot Framework connector for the checklist end-to-end tests, with the same shape as
 * the shared one in test/support/bot-server.ts. It sets the status and body with separate
 * calls because restify, running in the same process, replaces ServerResponse.writeHead
 * with a version that does not return the response, so `writeHead(...).end(...)` throws.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector, SentActivity } from '../support/bot-server.ts';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

export async function startLoopbackConnector(): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  let next = 1;
  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (m && (req.method === 'POST' || req.method === 'PUT')) {
        const id = req.method === 'PUT' ? decodeURIComponent(m[2] ?? '') : `activity-${next++}`;
        sent.push({ method: req.method, conversationId: decodeURIComponent(m[1]!), activityId: m[2] ? decodeURIComponent(m[2]) : null, id, activity: body as Record<string, any> });
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    in: (conversationId) => sent.filter((s) => s.conversationId.split(';')[0] === conversationId.split(';')[0]),
    clear: () => void sent.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
