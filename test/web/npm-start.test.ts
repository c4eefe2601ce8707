/**
 * `npm start` (bot/main.ts) as a real process: with no Azure configuration it serves the playground page
 * and the loopback Direct Line next to the bot; with an app id configured, neither exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'npm-start-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) await stop(child);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts bot/main.ts on an ephemeral port and resolves with its URL from the "listening" log line. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', STORAGE_URL: `sqlite:${path.join(dataDir, `${children.length}.db`)}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Only complete lines: a chunk may end half way through one.
      for (const line of output.split('\n').slice(0, -1)) {
        if (!line.includes('"listening"')) continue;
        const { url } = JSON.parse(line) as { url: string };
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bot/main.ts exited with ${code} before listening:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('npm start', () => {
  it('with no Azure configuration, serves the playground and a working Direct Line on 127.0.0.1', async () => {
    const { url } = await start({});
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/playground/webchat.js');

    const { token, conversationId } = (await (await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
    const polled = (await (await fetch(`${url}/v3/directline/conversations/${conversationId}/activities?watermark=`, { headers: auth })).json()) as {
      activities: Array<{ attachments?: Array<{ contentType: string }> }>;
    };
    // The welcome card, sent by the bot through the playground's connector.
    expect(polled.activities.flatMap((a) => a.attachments ?? []).map((a) => a.contentType)).toContain('application/vnd.microsoft.card.adaptive');
  }, 60_000);

  it('with an app id configured, has no playground and no Direct Line', async () => {
    const { url } = await start({
      MicrosoftAppId: '6f1c2f7a-4d3b-4e2a-9c61-0a5b8e7d9c10',
      MicrosoftAppPassword: 'not-a-real-secret',
      HOST: '127.0.0.1',
    });
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/playground/webchat.js`)).status).toBe(404);
    expect((await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
    // The bot itself is up.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }, 60_000);
});
