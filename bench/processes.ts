/**
 * Servers the bench starts as child processes, the way they run for real: the compiled
 * production start (`npm run build`, then plain `node dist/...`) or the tsx development start
 * (`node node_modules/tsx/dist/cli.mjs <file>.ts`, which is what `npm start` runs). Every child
 * gets its own process group, so killing the group also ends tsx's inner node process; every
 * child still running is killed, and its temporary folder removed, when the bench ends, however
 * it ends (normal exit, an error, or SIGINT / SIGTERM).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export type StartMode = 'production' | 'tsx';

export interface ServerSpec {
  name: string;
  /** Relative to the repository root: the TypeScript entry and its compiled JavaScript. */
  source: string;
  compiled: string;
  env?: Record<string, string>;
}

export const REAL_BOT: ServerSpec = { name: 'bot', source: 'bot/main.ts', compiled: 'dist/bot/main.js' };
export const ECHO_BOT: ServerSpec = { name: 'echo', source: 'bench/echo-bot.ts', compiled: 'dist/bench/echo-bot.js' };

export interface Started {
  name: string;
  mode: StartMode;
  url: string;
  pid: number;
  /** Spawn to the first 200 from /healthz, in ms. */
  coldStartMs: number;
  /** Resident set of the server process (production start: the node process itself), in bytes. */
  rss(): number;
  logTail(): string;
  /**
   * Started with `gcProbe`: the process's memory just after two full collections (what a leak
   * raises; RSS under load is mostly the collector's slack). null without the probe.
   */
  memoryAfterGc(): Promise<MemoryAfterGc | null>;
  stop(): Promise<void>;
}

export interface MemoryAfterGc {
  rss: number;
  heapUsed: number;
  external: number;
}

/**
 * Bench only, loaded into the child with --import (no product code knows of it): on SIGUSR2,
 * collect twice and write process.memoryUsage() to the file named in BENCH_GC_PROBE_FILE.
 * Both bots get it, so both pay the same (nothing until signalled).
 */
const GC_PROBE =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs';
process.on('SIGUSR2', () => { globalThis.gc(); globalThis.gc(); writeFileSync(process.env.BENCH_GC_PROBE_FILE, JSON.stringify(process.memoryUsage())); });`,
  );

const live = new Set<ChildProcess>();
/** Temporary folders (SQLite, output) of the children, removed with them. */
const folders = new Set<string>();
let guarded = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

/** Kills every child still running (synchronously, so it also works from an 'exit' handler). */
export function killAll(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

function guard(): void {
  if (guarded) return;
  guarded = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** VmRSS of a process from /proc (Linux), in bytes; 0 where /proc is not there. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Spawns a server, polls /healthz every 20 ms until 200, and times it from just before the spawn. */
export async function startServer(
  spec: ServerSpec,
  mode: StartMode,
  opts: { env?: Record<string, string>; timeoutMs?: number; gcProbe?: boolean } = {},
): Promise<Started> {
  guard();
  const dir = mkdtempSync(join(tmpdir(), `bench-${spec.name}-`));
  folders.add(dir);
  const logFile = join(dir, 'out.log');
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const probeFile = join(dir, 'memory.json');
  const probe = opts.gcProbe && mode === 'production' ? ['--expose-gc', `--import=${GC_PROBE}`] : [];
  const args = mode === 'production' ? [...probe, join(ROOT, spec.compiled)] : [TSX_CLI, join(ROOT, spec.source)];
  // Local development mode, as the tests run it: no MicrosoftAppId (unauthenticated, loopback only), SQLite in a temporary folder.
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    STORAGE_URL: `sqlite:${join(dir, 'bot.db')}`,
    ...(probe.length ? { BENCH_GC_PROBE_FILE: probeFile } : {}),
    ...spec.env,
    ...opts.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  live.add(child);
  const state: { exited: number | string | null } = { exited: null };
  const gone = new Promise<void>((ok) =>
    child.once('exit', (code, signal) => {
      state.exited = code ?? signal ?? 'exit';
      live.delete(child);
      ok();
    }),
  );
  const logTail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (state.exited === null) {
      killGroup(child, 'SIGTERM');
      await Promise.race([gone, sleep(5_000)]);
      if (state.exited === null) killGroup(child, 'SIGKILL');
      await Promise.race([gone, sleep(2_000)]);
    }
    live.delete(child);
    rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 120_000);
  try {
    for (;;) {
      if (state.exited !== null) throw new Error(`${spec.name} (${mode}) exited with ${state.exited} before /healthz answered:\n${logTail()}`);
      if (performance.now() > deadline) throw new Error(`${spec.name} (${mode}): /healthz not 200 within ${opts.timeoutMs ?? 120_000} ms:\n${logTail()}`);
      const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.arrayBuffer().then(() => r.status),
        () => 0,
      );
      if (status === 200) break;
      await sleep(20);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const coldStartMs = performance.now() - started;
  const memoryAfterGc = async (): Promise<MemoryAfterGc | null> => {
    if (!probe.length || state.exited !== null) return null;
    rmSync(probeFile, { force: true });
    child.kill('SIGUSR2');
    for (let waited = 0; waited < 10_000; waited += 50) {
      await sleep(50);
      try {
        const m = JSON.parse(readFileSync(probeFile, 'utf8')) as MemoryAfterGc;
        return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
      } catch {
        /* not written yet (or half written) */
      }
    }
    return null;
  };
  return { name: spec.name, mode, url, pid: child.pid!, coldStartMs, rss: () => rssOf(child.pid!), logTail, memoryAfterGc, stop };
}

/** Newest modification time of the files under the given paths (dot folders skipped). */
function newest(paths: string[]): number {
  let t = 0;
  const walk = (p: string): void => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return;
    if (!s.isDirectory()) t = Math.max(t, s.mtimeMs);
    else for (const name of readdirSync(p)) if (!name.startsWith('.') && name !== 'node_modules') walk(join(p, name));
  };
  paths.forEach((p) => walk(join(ROOT, p)));
  return t;
}

/**
 * `npm run build` when dist/ is missing or older than any file it is built from, then the echo bot
 * compiled beside it (dist/bench/echo-bot.js) by the same TypeScript. Returns what it did.
 */
export function ensureBuilt(): string {
  const main = statSync(join(ROOT, REAL_BOT.compiled), { throwIfNoEntry: false });
  const sources = newest([
    'types',
    'bot',
    'knowledge',
    'domain',
    'storage',
    'cards',
    'web',
    'config',
    'manifest',
    'tsconfig.json',
    'tsconfig.build.json',
    'scripts/build.ts',
  ]);
  let did = `dist/ up to date (built ${main ? new Date(main.mtimeMs).toISOString().slice(0, 16) : '?'}), not rebuilt`;
  if (!main || main.mtimeMs < sources) {
    const t = performance.now();
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    did = `npm run build: ${((performance.now() - t) / 1000).toFixed(1)} s`;
  }
  const js = ts.transpileModule(readFileSync(join(ROOT, ECHO_BOT.source), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, esModuleInterop: true, verbatimModuleSyntax: true },
  }).outputText;
  mkdirSync(dirname(join(ROOT, ECHO_BOT.compiled)), { recursive: true });
  writeFileSync(join(ROOT, ECHO_BOT.compiled), js);
  return did;
}
