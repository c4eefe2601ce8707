/**
 * `npm run playground`: the bot in local development mode plus the Microsoft 365 Agents
 * Playground (Microsoft's Teams-like local client, a devDependency) pointed at it in Teams
 * channel mode, both on 127.0.0.1. Try personal chat, group chat, a channel with @mention and
 * the compose-box search without a Teams tenant.
 *
 *   PORT               the bot's port (default 3978)
 *   PLAYGROUND_PORT    the playground's port (default 56150)
 *
 * Stops both on Ctrl+C; if either stops, so does the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

if (process.env.MicrosoftAppId) {
  process.stderr.write('The playground drives the bot in local development mode: unset MicrosoftAppId first.\n');
  process.exit(78);
}

const children: ChildProcess[] = [];
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).map((l) => `[${name}] ${l}\n`).join('');
  child.stdout!.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    process.stdout.write(`[${name}] stopped (${code ?? 'signal'})\n`);
    stop(code ?? 0);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

async function healthy(url: string, attempts = 240): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

run('bot', process.execPath, ['--import', 'tsx', 'bot/main.ts'], { ...process.env, PORT: String(botPort) });
await healthy(`http://127.0.0.1:${botPort}/healthz`);
run('playground', process.execPath, [
  '--require', path.join(ROOT, 'scripts', 'loopback-only.cjs'), cli,
  '--app-endpoint', `http://127.0.0.1:${botPort}/api/messages`, '--channel-id', 'msteams',
  '--port', String(playgroundPort), '--disable-telemetry',
], { ...process.env, BROWSER: 'none' });
await healthy(`http://127.0.0.1:${playgroundPort}/`);
process.stdout.write(`\nMicrosoft 365 Agents Playground: http://127.0.0.1:${playgroundPort}/  (bot: http://127.0.0.1:${botPort}/api/messages)\n`);
