/**
 * The playground's loopback Direct Line, driven over HTTP exactly as Web Chat drives it (token, start,
 * post, poll by watermark), in front of a real botbuilder CloudAdapter bot that replies through it.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBot, type FixtureServer } from './fixture-bot.ts';

interface Activity {
  type: string;
  id: string;
  text?: string;
  value?: unknown;
  from: { id: string; role?: string };
  timestamp: string;
  attachments?: Array<{ contentType: string }>;
  channelData?: { clientActivityID?: string };
}

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureBot();
});
afterAll(async () => {
  await fixture.close();
});

async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${fixture.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A Web Chat stand-in: one conversation, polling with the watermark the service hands back. */
class Client {
  watermark = '';
  seen: Activity[] = [];
  constructor(
    readonly token: string,
    readonly conversationId: string,
    readonly userId: string,
  ) {}

  static async start(): Promise<Client> {
    const generated = await call('POST', '/v3/directline/tokens/generate');
    expect(generated.status).toBe(200);
    const { token, userId } = generated.body as { token: string; userId: string };
    const started = await call('POST', '/v3/directline/conversations', { token });
    expect(started.status).toBe(201);
    return new Client(token, started.body.conversationId as string, userId);
  }

  post(activity: Record<string, unknown> | string) {
    return call('POST', `/v3/directline/conversations/${this.conversationId}/activities`, { token: this.token, body: activity });
  }

  async poll(): Promise<Activity[]> {
    const { status, body } = await call('GET', `/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
      token: this.token,
    });
    expect(status).toBe(200);
    this.watermark = body.watermark as string;
    const fresh = body.activities as Activity[];
    this.seen.push(...fresh);
    return fresh;
  }
}

describe('Direct Line 3.0 for Web Chat', () => {
  it('starts a conversation and delivers the bot greeting to the user', async () => {
    const client = await Client.start();
    const first = await client.poll();
    expect(first.map((a) => a.text)).toEqual([`welcome ${client.userId}`]);
    expect(first[0]?.from.role).toBe('bot');
    expect(await client.poll()).toEqual([]);
  });

  it('echoes the user message (keeping clientActivityID) and then queues the reply', async () => {
    const client = await Client.start();
    await client.poll();
    const posted = await client.post({
      type: 'message',
      text: 'hello there',
      from: { id: 'spoofed', role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted.status).toBe(200);
    const activities = await client.poll();
    expect(activities.map((a) => [a.from.role, a.text])).toEqual([
      ['user', 'hello there'],
      ['bot', 'echo hello there'],
    ]);
    expect(activities[0]).toMatchObject({ id: posted.body.id, channelData: { clientActivityID: 'client-1' } });
    // The service, not the page, decides who the user is.
    expect(activities[0]?.from.id).toBe(client.userId);
  });

  it('delivers a card submit to the bot as a message with value, and updates the card in place', async () => {
    const client = await Client.start();
    await client.poll();
    await client.post({ type: 'message', text: 'card' });
    const [, cardMessage] = await client.poll();
    expect(cardMessage?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');

    await client.post({ type: 'message', value: { verb: 'feedback', helpful: true }, channelData: { postBack: true } });
    const afterSubmit = await client.poll();
    const update = afterSubmit.find((a) => a.id === cardMessage?.id);
    expect(update).toMatchObject({ text: 'card answered', timestamp: cardMessage?.timestamp });
    expect(afterSubmit.map((a) => a.text)).toContain('value {"verb":"feedback","helpful":true}');
  });

  it('resumes from a watermark without repeating activities', async () => {
    const client = await Client.start();
    await client.poll();
    const mark = client.watermark;
    await client.post({ type: 'message', text: 'one' });
    await client.poll();
    client.watermark = mark;
    expect((await client.poll()).map((a) => a.text)).toEqual(['one', 'echo one']);
  });

  it('refreshes and reconnects with the same token', async () => {
    const client = await Client.start();
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', { token: client.token });
    expect(refreshed.body).toMatchObject({ conversationId: client.conversationId, token: client.token });
    const reconnect = await call('GET', `/v3/directline/conversations/${client.conversationId}?watermark=0`, { token: client.token });
    expect(reconnect.status).toBe(200);
  });
});

describe('the Direct Line refuses what it should', () => {
  it.each<[string, (client: Client, other: Client) => Promise<{ status: number; body: Record<string, unknown> }>, number, string]>([
    ['a request without a token', (c) => call('GET', `/v3/directline/conversations/${c.conversationId}/activities`), 403, 'TokenInvalid'],
    [
      'a token for another conversation',
      (c, o) => call('GET', `/v3/directline/conversations/${c.conversationId}/activities`, { token: o.token }),
      403,
      'TokenInvalid',
    ],
    ['an activity that is not JSON', (c) => c.post('{"type": "message", '), 400, 'BadArgument'],
    ['an activity without a type', (c) => c.post({ text: 'no type' }), 400, 'BadArgument'],
    ['an activity of a type the page may not send', (c) => c.post({ type: 'invoke', name: 'adaptiveCard/action' }), 400, 'BadArgument'],
    ['text that is not a string', (c) => c.post({ type: 'message', text: 42 }), 400, 'BadArgument'],
    ['a file upload', (c) => call('POST', `/v3/directline/conversations/${c.conversationId}/upload`, { token: c.token, body: {} }), 400, 'NotSupported'],
  ])('%s', async (_name, request, status, code) => {
    const client = await Client.start();
    const other = await Client.start();
    const response = await request(client, other);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
  });

  it('an oversized activity gets 413 and the conversation carries on', async () => {
    const client = await Client.start();
    const response = await client.post({ type: 'message', text: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect((await client.post({ type: 'message', text: 'still here' })).status).toBe(200);
  });

  it('a request addressed to a non-loopback host name (DNS rebinding) gets 403', async () => {
    // fetch() will not send a forged Host header, so this goes through node:http.
    const statusFor = (method: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${fixture.url}${path}`, { method, headers: { host: 'attacker.example:80' } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    expect(await statusFor('GET', '/')).toBe(403);
    expect(await statusFor('GET', '/playground/webchat.js')).toBe(403);
    expect(await statusFor('POST', '/v3/directline/tokens/generate')).toBe(403);
    // The same requests with the loopback name are fine, so the 403s above are about the Host alone.
    expect((await fetch(`${fixture.url}/`)).status).toBe(200);
  });

  it('the connector side answers 404 for a conversation it never started', async () => {
    const response = await call('POST', '/v3/conversations/nope/activities', { body: { type: 'message', text: 'hi' } });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'ConversationNotFound' } });
  });
});

describe('the playground page', () => {
  it('serves the page, its script and the Web Chat bundle from this server with a same-origin policy', async () => {
    const page = await fetch(`${fixture.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/playground/webchat.js"');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const bundle = await fetch(`${fixture.url}/playground/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
    const script = await (await fetch(`${fixture.url}/playground/playground.js`)).text();
    expect(script).toContain('webSocket: false');
  });
});

describe('the same person across page reloads', () => {
  it('keeps a user id the page hands back, and replaces one it never issued', async () => {
    const first = await call('POST', '/v3/directline/tokens/generate');
    const userId = first.body.userId as string;
    const again = await call('POST', '/v3/directline/tokens/generate', { body: { userId } });
    expect(again.body.userId).toBe(userId);
    expect(again.body.conversationId).not.toBe(first.body.conversationId);
    const forged = await call('POST', '/v3/directline/tokens/generate', { body: { userId: 'admin"; drop' } });
    expect(forged.body.userId).toMatch(/^user-/);
    expect(forged.body.userId).not.toBe('admin"; drop');
  });
});
