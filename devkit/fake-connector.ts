/**
 * Development only (tests and the bench; never imported by the bot): a fake Bot Framework
 * connector, a small loopback HTTP server that receives what the bot posts, because the bot
 * replies by calling `activity.serviceUrl`. devkit/reminder-connector.ts extends it with
 * scripted failures and the Teams roster.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST .../activities/{id}) or updated (PUT). */
  activityId: string | null;
  /** The id the fake connector gave the new activity. */
  id: string;
  activity: Record<string, any>;
}

export interface FakeConnector {
  url: string;
  sent: SentActivity[];
  /** Activities posted or updated in one conversation (channel threads included). */
  in(conversationId: string): SentActivity[];
  clear(): void;
  close(): Promise<void>;
}

export async function startConnector(): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  let next = 1;
  const server: HttpServer = createHttpServer((req, res) => {
    void readJson(req).then(
      (body) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
        if (m && (req.method === 'POST' || req.method === 'PUT')) {
          const id = req.method === 'PUT' ? decodeURIComponent(m[2] ?? '') : `activity-${next++}`;
          sent.push({
            method: req.method,
            conversationId: decodeURIComponent(m[1]!),
            activityId: m[2] ? decodeURIComponent(m[2]) : null,
            id,
            activity: body as Record<string, any>,
          });
          // restify patches http.ServerResponse in this process (writeHead returns nothing), so no chaining.
          res.statusCode = 200;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ id }));
          return;
        }
        res.statusCode = 404;
        res.end();
      },
      () => {
        // A body that is not JSON (or a dropped request): answer instead of leaving an unhandled rejection and a hung call.
        res.statusCode = 400;
        res.end();
      },
    );
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}
