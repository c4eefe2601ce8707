/**
 * Development only (never imported by the bot): a fake Bot Framework connector on loopback for
 * the reminder tests and the bench. Compatible with the FakeConnector of devkit/fake-connector.ts
 * (so the tests' `startBot({ connector })` uses it), plus:
 *  - scripted answers per conversation (`script(conv, [{ status: 429, retryAfter: '1' }, ...])`)
 *    to play throttling, outages and "the bot was removed" (403/404);
 *  - the Teams roster (`GET /v3/conversations/{id}/members/{user}`) with a role per user;
 *  - `posts`: every POST as received, including refused ones, so tests can count attempts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector, SentActivity } from './fake-connector.ts';

export interface ScriptedAnswer {
  status: number;
  retryAfter?: string;
}

export interface ReceivedPost {
  conversationId: string;
  status: number;
  activity: Record<string, any>;
  /** The reminder occurrence the card is for (from its buttons' data), if any. */
  occurrenceId: string | null;
}

export interface ReminderConnector extends FakeConnector {
  posts: ReceivedPost[];
  script(conversationId: string, answers: ScriptedAnswer[]): void;
  /** Answers every post to this conversation with this status until cleared (null). */
  always(conversationId: string, answer: ScriptedAnswer | null): void;
  setRole(userId: string, role: 'owner' | 'user' | 'guest'): void;
  /** Delivered (2xx) reminder posts per occurrence id. */
  deliveredCounts(): Map<string, number>;
}

function occurrenceOf(activity: Record<string, any>): string | null {
  const text = JSON.stringify(activity.attachments ?? []);
  const m = /"occurrenceId":"([^"]+)"/.exec(text);
  return m ? m[1]! : null;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

/** writeHead and end apart: restify (loaded in the same process by the bot) patches writeHead's return value. */
function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body === null ? '' : JSON.stringify(body));
}

export async function startReminderConnector(): Promise<ReminderConnector> {
  const sent: SentActivity[] = [];
  const posts: ReceivedPost[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const fixed = new Map<string, ScriptedAnswer>();
  const roles = new Map<string, string>();
  let next = 1;
  const base = (id: string) => id.split(';')[0]!;

  const server = createServer((req, res) => {
    void readJson(req).then(
      (body) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const member = /^\/v3\/(?:conversations|teams)\/([^/]+)\/members\/([^/]+)$/.exec(url.pathname);
        if (member && req.method === 'GET') {
          const userId = decodeURIComponent(member[2]!);
          reply(res, 200, { id: userId, name: 'Member', aadObjectId: userId, userRole: roles.get(userId) ?? 'user' });
          return;
        }
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
        if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
          reply(res, 404, null);
          return;
        }
        const conversationId = decodeURIComponent(m[1]!);
        const queue = scripts.get(base(conversationId));
        const answer = queue?.shift() ?? fixed.get(base(conversationId)) ?? { status: 200 };
        if (req.method === 'POST') posts.push({ conversationId, status: answer.status, activity: body, occurrenceId: occurrenceOf(body ?? {}) });
        if (answer.status >= 300) {
          reply(
            res,
            answer.status,
            { error: { code: `HTTP${answer.status}`, message: 'scripted failure' } },
            answer.retryAfter ? { 'retry-after': answer.retryAfter } : {},
          );
          return;
        }
        const id = req.method === 'PUT' ? decodeURIComponent(m[2] ?? '') : `activity-${next++}`;
        sent.push({ method: req.method, conversationId, activityId: m[2] ? decodeURIComponent(m[2]) : null, id, activity: body });
        reply(res, 200, { id });
      },
      () => reply(res, 400, null),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    posts,
    in: (conversationId) => sent.filter((s) => base(s.conversationId) === base(conversationId)),
    clear: () => {
      sent.splice(0);
      posts.splice(0);
    },
    script: (conversationId, answers) => void scripts.set(base(conversationId), [...answers]),
    always: (conversationId, answer) => void (answer ? fixed.set(base(conversationId), answer) : fixed.delete(base(conversationId))),
    setRole: (userId, role) => void roles.set(userId, role),
    deliveredCounts() {
      const counts = new Map<string, number>();
      for (const p of posts) if (p.status < 300 && p.occurrenceId) counts.set(p.occurrenceId, (counts.get(p.occurrenceId) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
