/**
 * The production start: `npm run build` compiles to dist/ and copies the data beside it, and
 * `npm run start:prod` (plain node, no TypeScript in the process) serves health and answers a
 * question over HTTP, with the knowledge base read from the build's snapshot.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'prod-start-'));
let child: ChildProcess | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    // The whole process group: npm does not pass SIGTERM on to the node it started, which
    // would otherwise outlive the test.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run build + npm run start:prod', () => {
  it('builds, starts with plain node, and answers', async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    child = spawn('npm', ['run', '--silent', 'start:prod'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}`, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.includes('"listening"'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`start:prod exited with ${code}:\n${out}`)));
    });
    // The build's JSON snapshot was used, not the YAML (the start's largest cost).
    expect(out).toMatch(/"event":"knowledge.loaded","source":"snapshot"/);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        text: 'what does MASH stand for?',
        deliveryMode: 'expectReplies',
        from: { id: '29:user' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:prod-start', conversationType: 'personal' },
      }),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/Multi.Agency Safeguarding Hub/);
  }, 600_000);
});
