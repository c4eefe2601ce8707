/**
 * Starts the bot in local development mode and the Microsoft 365 Agents Playground CLI (Microsoft's
 * Teams-like local client, a devDependency) pointed at it in Teams channel mode, both on 127.0.0.1.
 * The one start code behind `npm run playground` (scripts/playground.ts) and the browser test that
 * drives the playground's web UI (test/web/agents-playground.test.ts).
 *
 *   const running = await startAgentsPlayground({ botPort: 3978, playgroundPort: 56150 });
 *   running.url          // http://127.0.0.1:56150/
 *   await running.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

export type ProcessName = 'bot' | 'playground';

export interface AgentsPlaygroundOptions {
  botPort: number;
  /** The playground's port; if it is taken the playground picks another, and `url` says which. */
  playgroundPort: number;
  /** Environment of both processes (default: this process's); PORT is set from botPort. */
  env?: NodeJS.ProcessEnv;
  /** Every line either process writes. */
  onLine?: (name: ProcessName, line: string, stream: 'stdout' | 'stderr') => void;
  /** How long both may take to answer (default 120 s: the bot loads and may train its classifiers). */
  startTimeoutMs?: number;
}

export interface RunningAgentsPlayground {
  /** The playground's web UI, http://127.0.0.1:<port>/ */
  url: string;
  /** Where the playground sends activities: the bot's /api/messages on loopback. */
  botEndpoint: string;
  /** Settles when either process stops, with which one and its exit code. */
  exited: Promise<{ name: ProcessName; code: number | null }>;
  /** The last lines both processes wrote, for error messages. */
  output(): string;
  /** SIGTERM to both, then SIGKILL to whatever still runs after graceMs. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** The playground drives an unauthenticated bot: refused when an app id would make the bot authenticate. */
export class LocalModeRequired extends Error {
  constructor() {
    super('The playground drives the bot in local development mode: unset MicrosoftAppId first.');
  }
}

const TAIL_LINES = 40;

export async function startAgentsPlayground(opts: AgentsPlaygroundOptions): Promise<RunningAgentsPlayground> {
  const env = opts.env ?? process.env;
  if (env.MicrosoftAppId) throw new LocalModeRequired();
  const startTimeoutMs = opts.startTimeoutMs ?? 120_000;
  const tail: string[] = [];
  const children: Array<{ name: ProcessName; child: ChildProcess }> = [];
  let playgroundPort: number | null = null;
  let onPlaygroundPort: (port: number) => void = () => {};

  function run(name: ProcessName, args: string[], childEnv: NodeJS.ProcessEnv): void {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream]! }).on('line', (line) => {
        tail.push(`[${name}] ${line}`);
        if (tail.length > TAIL_LINES) tail.shift();
        // The playground says which port it really took ("Listening on 56150").
        const m = name === 'playground' ? /Listening on (\d+)/.exec(line) : null;
        if (m && playgroundPort === null) onPlaygroundPort((playgroundPort = Number(m[1])));
        opts.onLine?.(name, line, stream);
      });
    }
    child.on('error', (err) => tail.push(`[${name}] ${err.message}`));
    children.push({ name, child });
  }

  const botEndpoint = `http://127.0.0.1:${opts.botPort}/api/messages`;
  run('bot', ['--import', 'tsx', 'bot/main.ts'], { ...env, PORT: String(opts.botPort) });
  const portSaid = new Promise<number>((resolve) => (onPlaygroundPort = resolve));
  run(
    'playground',
    [
      // Its server listens on every interface unless told otherwise: keep it on this machine.
      '--require',
      path.join(ROOT, 'scripts', 'loopback-only.cjs'),
      CLI,
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(opts.playgroundPort),
      '--disable-telemetry',
    ],
    { ...env, BROWSER: 'none' },
  );

  const exited = Promise.race(
    children.map(
      ({ name, child }) =>
        new Promise<{ name: ProcessName; code: number | null }>((resolve) => {
          if (child.exitCode !== null) resolve({ name, code: child.exitCode });
          else child.once('exit', (code) => resolve({ name, code }));
        }),
    ),
  );
  const output = () => tail.join('\n');

  let stopped: Promise<void> | null = null;
  const stop = (graceMs = 3_000): Promise<void> => (stopped ??= Promise.all(children.map(({ child }) => stopChild(child, graceMs))).then(() => {}));

  // Ready when both answer; failed when either stops first or the deadline passes.
  const waiting = { over: false };
  let fail: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // raced below; a late failure after a good start is not an error
  void exited.then(({ name, code }) => fail(new Error(`the ${name} stopped while starting (exit ${code ?? 'by signal'})`)));
  const timer = setTimeout(() => fail(new Error(`no answer within ${startTimeoutMs} ms`)), startTimeoutMs);
  try {
    // Both start at once: the playground only talks to the bot once a browser opens it.
    await Promise.race([
      Promise.all([
        untilAnswers(`http://127.0.0.1:${opts.botPort}/healthz`, waiting),
        portSaid.then((port) => untilAnswers(`http://127.0.0.1:${port}/`, waiting)),
      ]),
      failed,
    ]);
  } catch (err) {
    await stop();
    throw new Error(`Could not start the bot and the Agents Playground: ${(err as Error).message}\n${output()}`, { cause: err });
  } finally {
    waiting.over = true;
    clearTimeout(timer);
  }
  return { url: `http://127.0.0.1:${playgroundPort}/`, botEndpoint, exited, output, stop };
}

async function untilAnswers(url: string, waiting: { over: boolean }): Promise<void> {
  while (!waiting.over) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}
