/**
 * The server beside a bare restify + CloudAdapter echo bot (bench/echo-bot.ts), both started the
 * same way in the same run (issue 13): same Node, local development mode (no MicrosoftAppId,
 * loopback only), SQLite in a temporary folder, replies posted to the tests' fake connector
 * (devkit/fake-connector.ts, one per server, in this process).
 *
 *   cold start    spawn to the first 200 from /healthz; the compiled production start
 *                 (`node dist/...`, after `npm run build`) and the tsx development start
 *   throughput    answer turns (Teams personal-chat messages, 8 questions from 50 users) over
 *                 HTTP with autocannon, 10 connections, 2 x 5 s per server, the two servers'
 *                 rounds interleaved so both see the same machine load (after 2 s of warm-up)
 *   memory        RSS idle after start, then its floor in each 2,000 of 10,000 more turns (both servers at
 *                 once; bounded at 5 minutes, printed if it stops short)
 *
 * Only the production start is loaded (the tsx start is timed, then stopped): its pid is the
 * server's own, so its RSS is the server's. Every child is killed at the end, also on failure.
 */
import autocannon from 'autocannon';
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startConnector, type FakeConnector } from '../devkit/fake-connector.ts';
import { teamsMessage } from '../devkit/fuzz-cases.ts';
import { ECHO_BOT, ensureBuilt, killAll, REAL_BOT, ROOT, startServer, type MemoryAfterGc, type ServerSpec, type Started, type StartMode } from './processes.ts';
import { percentile } from './stats.ts';

const CONNECTIONS = 10;
const ROUND_SECONDS = 5;
const ROUNDS = 2;
const GROWTH_TURNS = 10_000;
const GROWTH_WINDOW = 2_000;
/** A bound on the memory phase: on a machine loaded past its cores the real bot may not finish 10,000 turns in it (printed). */
const GROWTH_CAP_MS = 300_000;
const ECHO_STARTS = 3;

const QUESTIONS = [
  'What does MASH stand for?',
  'Who chairs the Executive group in Haringey?',
  'How do I refer a concern about a member of staff to the LADO?',
  'When must an initial child protection conference be held?',
  'What is a rapid review?',
  'Who are the three safeguarding partners?',
  'How do I escalate a disagreement with children’s social care?',
  'What should I do if a child discloses abuse?',
];

interface LoadResult {
  turns: number;
  seconds: number;
  latencies: number[];
  non2xx: number;
  errors: number;
}

function body(connector: FakeConnector, n: number): string {
  const user = { id: `29:bench-${n % 50}`, name: `Bench user ${n % 50}`, aadObjectId: `aad-bench-${n % 50}` };
  return JSON.stringify(teamsMessage(connector.url, QUESTIONS[n % QUESTIONS.length]!, user));
}

async function load(server: Started, connector: FakeConnector, run: { seconds: number } | { turns: number }): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: `${server.url}/api/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    timeout: 15,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(connector, n++) }) }],
    ...('seconds' in run ? { duration: run.seconds } : { amount: run.turns }),
  };
  // The connector keeps what it is sent; the bench only needs the count.
  const clearing = setInterval(() => connector.clear(), 250);
  try {
    const result = await new Promise<autocannon.Result>((ok, fail) => {
      const instance = autocannon(options, (err, res) => (err ? fail(err as Error) : ok(res)));
      instance.on('response', (_client, status, _bytes, ms) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
    });
    return { turns: latencies.length, seconds: result.duration, latencies, non2xx: result.non2xx, errors: result.errors };
  } finally {
    clearInterval(clearing);
    connector.clear();
  }
}

function merge(results: LoadResult[]): LoadResult {
  return {
    turns: results.reduce((s, r) => s + r.turns, 0),
    seconds: results.reduce((s, r) => s + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
  };
}

/** Whether the trained classifiers are on disk for the start from `root` (dist or the source tree). */
function hasTrainingCache(root: string): boolean {
  const dir = join(ROOT, root, 'knowledge', '.cache');
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
}

interface Growth {
  /**
   * Lowest and highest RSS seen (sampled every 25 ms) in each window of GROWTH_WINDOW turns, and
   * the memory just after two full collections at the window's end (the bench's GC probe).
   */
  windows: Array<{ min: number; max: number; afterGc: MemoryAfterGc | null }>;
  ok: number;
  failed: number;
  seconds: number;
}

/**
 * GROWTH_TURNS turns in windows of GROWTH_WINDOW, stopping early at the deadline. RSS under load
 * saws up and down by a hundred MB or more between major collections, and its floor creeps while
 * V8 keeps the pages it grew into (measured: 155 MB idle, 330-460 MB under load, with 79 MB live
 * after a full collection at 2,000 turns and at 16,000). So the verdict reads the memory after two
 * forced full collections at each window's end (the same probe in both bots); the RSS range under
 * load is printed beside it.
 */
async function growth(s: Started, c: FakeConnector, deadline: number): Promise<Growth> {
  const windows: Growth['windows'] = [];
  const runs: LoadResult[] = [];
  while (runs.length * GROWTH_WINDOW < GROWTH_TURNS && performance.now() < deadline) {
    const w: Growth['windows'][number] = { min: Infinity, max: 0, afterGc: null };
    const sample = () => {
      const rss = s.rss();
      if (rss > 0) Object.assign(w, { min: Math.min(w.min, rss), max: Math.max(w.max, rss) });
    };
    const sampler = setInterval(sample, 25);
    try {
      runs.push(await load(s, c, { turns: GROWTH_WINDOW }));
    } finally {
      clearInterval(sampler);
    }
    sample();
    w.afterGc = await s.memoryAfterGc();
    windows.push(w);
  }
  const all = merge(runs);
  return { windows, ok: all.turns, failed: all.non2xx + all.errors, seconds: all.seconds };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mbFig = (bytes: number) => (bytes / 1048576).toFixed(0);
const mbs = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1048576).toFixed(1)} MB`;
const load1 = () => loadavg()[0]!.toFixed(1);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function timeStarts(spec: ServerSpec, mode: StartMode, count: number, env: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = await startServer(spec, mode, { env });
    times.push(s.coldStartMs);
    await s.stop();
  }
  return times;
}

export async function runServerBench(): Promise<string[]> {
  const began = performance.now();
  const out: string[] = [
    `Server beside a bare restify + CloudAdapter echo bot (bench/echo-bot.ts), same Node ${process.version}, same start; load average at start ${load1()}`,
  ];
  out.push(`  ${ensureBuilt()}`);
  // The real bot logs as it does by default (info: one JSON line per request), to a file.
  const botEnv = { LOG_LEVEL: 'info' };
  const running: Started[] = [];
  const connectors: FakeConnector[] = [];
  try {
    // ---- Cold start, production. The first start after a build trains the triage classifiers and caches them on disk
    // (dist/knowledge/.cache/); every later start loads them, so a start with the cache is the usual one and is the figure.
    const prodCached = hasTrainingCache('dist');
    const bot = await startServer(REAL_BOT, 'production', { env: botEnv, gcProbe: true });
    running.push(bot);
    const echoTimes = await timeStarts(ECHO_BOT, 'production', ECHO_STARTS - 1, {});
    const echo = await startServer(ECHO_BOT, 'production', { gcProbe: true });
    running.push(echo);
    echoTimes.push(echo.coldStartMs);
    const botProdFirst = bot.coldStartMs;
    await sleep(2_000);
    const idle = { bot: bot.rss(), echo: echo.rss() };

    // ---- Throughput and latency, interleaved rounds after a warm-up
    const botConnector = await startConnector();
    const echoConnector = await startConnector();
    connectors.push(botConnector, echoConnector);
    await load(echo, echoConnector, { seconds: 2 });
    await load(bot, botConnector, { seconds: 2 });
    const rounds: { bot: LoadResult[]; echo: LoadResult[] } = { bot: [], echo: [] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.echo.push(await load(echo, echoConnector, { seconds: ROUND_SECONDS }));
      rounds.bot.push(await load(bot, botConnector, { seconds: ROUND_SECONDS }));
    }
    const tp = { bot: merge(rounds.bot), echo: merge(rounds.echo) };
    const loadAfterThroughput = load1();

    // ---- Memory over 10,000 more turns, both servers at once, RSS sampled every 25 ms
    const growthDeadline = performance.now() + GROWTH_CAP_MS;
    const [memBot, memEcho] = await Promise.all([growth(bot, botConnector, growthDeadline), growth(echo, echoConnector, growthDeadline)]);
    for (const s of running.splice(0)) await s.stop();

    // ---- Cold start again: production (now with the cache), then tsx (its own cache, under knowledge/.cache/)
    // The median of as many starts as the echo bot's: one start swung by 10-20% from run to run.
    const botProd = [...(prodCached ? [botProdFirst] : []), ...(await timeStarts(REAL_BOT, 'production', prodCached ? ECHO_STARTS - 1 : ECHO_STARTS, botEnv))];
    const echoTsx = await timeStarts(ECHO_BOT, 'tsx', ECHO_STARTS, {});
    const tsxCached = hasTrainingCache('.');
    const botTsx = await timeStarts(REAL_BOT, 'tsx', 1, botEnv);

    // ---- Figures
    const echoProd = median(echoTimes);
    const row = (label: string, b: string, e: string, ratio: string) => `  ${label.padEnd(52)} ${b.padEnd(24)} ${e.padEnd(24)} ${ratio}`;
    const stats = (r: LoadResult) => {
      const q = r.latencies;
      return { rps: r.turns / r.seconds, p50: percentile(q, 50), p95: percentile(q, 95), p99: percentile(q, 99) };
    };
    const sb = stats(tp.bot);
    const se = stats(tp.echo);
    const turnsDone = (m: Growth) => m.windows.length * GROWTH_WINDOW;
    // The live JS heap after full collections where the probe answered (what a leak in this code
    // raises; RSS after them still swings by tens of MB with the pages V8 keeps, in both bots),
    // else (never seen) the RSS floor under load.
    const first = (m: Growth) => m.windows[0]!.afterGc?.heapUsed ?? m.windows[0]!.min;
    const last = (m: Growth) => m.windows.at(-1)!.afterGc?.heapUsed ?? m.windows.at(-1)!.min;
    const probed = (m: Growth) => m.windows.every((w) => w.afterGc);
    const growthBot = last(memBot) - first(memBot);
    const botProdMs = median(botProd);
    const coldRatio = botProdMs / echoProd;
    const tpRatio = sb.rps / se.rps;
    const rssRatio = idle.bot / idle.echo;
    // "No growth": the live heap at the end of the last 2,000 turns within 5% of that at the end of the first 2,000.
    const grows = (m: Growth) => turnsDone(m) < GROWTH_TURNS || last(m) - first(m) > 0.05 * first(m);
    out.push(
      row('', 'real bot', 'echo bot', 'bot / echo'),
      row(
        'cold start, production (node dist/...)',
        `${sec(botProdMs)} (median of ${botProd.length})`,
        `${sec(echoProd)} (median of ${ECHO_STARTS})`,
        `${coldRatio.toFixed(1)}x`,
      ),
      ...(prodCached ? [] : [row('  first start after the build (trains, caches)', sec(botProdFirst), '-', `${(botProdFirst / echoProd).toFixed(1)}x`)]),
      row(
        `cold start, tsx (npm start)${tsxCached ? '' : ', training (no cache yet)'}`,
        `${sec(botTsx[0]!)}`,
        `${sec(median(echoTsx))} (median of ${ECHO_STARTS})`,
        `${(botTsx[0]! / median(echoTsx)).toFixed(1)}x`,
      ),
      row(`answer turns/s, ${CONNECTIONS} connections, ${ROUNDS} x ${ROUND_SECONDS} s`, sb.rps.toFixed(0), se.rps.toFixed(0), `${tpRatio.toFixed(2)}`),
      row(
        'latency p50 / p95 / p99',
        `${sb.p50.toFixed(0)} / ${sb.p95.toFixed(0)} / ${sb.p99.toFixed(0)} ms`,
        `${se.p50.toFixed(0)} / ${se.p95.toFixed(0)} / ${se.p99.toFixed(0)} ms`,
        `${(sb.p50 / Math.max(1, se.p50)).toFixed(1)}x at p50`,
      ),
      row('turns not 2xx / connection errors', `${tp.bot.non2xx} / ${tp.bot.errors}`, `${tp.echo.non2xx} / ${tp.echo.errors}`, ''),
      row('RSS idle, 2 s after start', mbs(idle.bot), mbs(idle.echo), `${rssRatio.toFixed(1)}x`),
      `  RSS lowest-highest in each ${GROWTH_WINDOW.toLocaleString('en-GB')} of ${GROWTH_TURNS.toLocaleString('en-GB')} more turns (after the warm-up), MB:`,
      `    real bot: ${memBot.windows.map((w) => `${mbFig(w.min)}-${mbFig(w.max)}`).join(', ')}`,
      `    echo bot: ${memEcho.windows.map((w) => `${mbFig(w.min)}-${mbFig(w.max)}`).join(', ')}`,
      `  after two full collections at the end of each ${GROWTH_WINDOW.toLocaleString('en-GB')}, RSS / JS heap used, MB:`,
      `    real bot: ${memBot.windows.map((w) => (w.afterGc ? `${mbFig(w.afterGc.rss)} / ${mbFig(w.afterGc.heapUsed)}` : 'no probe')).join(', ')}`,
      `    echo bot: ${memEcho.windows.map((w) => (w.afterGc ? `${mbFig(w.afterGc.rss)} / ${mbFig(w.afterGc.heapUsed)}` : 'no probe')).join(', ')}`,
      row(
        `  growth${probed(memBot) ? ' of the live heap after full collections' : ' of the lowest RSS under load'}, first to last ${GROWTH_WINDOW.toLocaleString('en-GB')}`,
        `${signedMb(growthBot)} (${((100 * growthBot) / first(memBot)).toFixed(1)}%)`,
        `${signedMb(last(memEcho) - first(memEcho))} (${((100 * (last(memEcho) - first(memEcho))) / first(memEcho)).toFixed(1)}%)`,
        '',
      ),
      row(
        '  those turns: 2xx / failed / wall time',
        `${memBot.ok} / ${memBot.failed} / ${memBot.seconds.toFixed(0)} s`,
        `${memEcho.ok} / ${memEcho.failed} / ${memEcho.seconds.toFixed(0)} s`,
        'both servers at once',
      ),
      ...(turnsDone(memBot) < GROWTH_TURNS
        ? [`  stopped at the ${GROWTH_CAP_MS / 1000} s bound after ${turnsDone(memBot)} turns: the growth figure is over those`]
        : []),
      `  Issue 13 targets: cold start <= 2x echo: ${verdict(coldRatio <= 2)} (${coldRatio.toFixed(1)}x) | throughput >= 1/3 of echo at ${CONNECTIONS} connections: ${verdict(tpRatio >= 1 / 3)} (${tpRatio.toFixed(2)}) | RSS idle <= 2x echo: ${verdict(rssRatio <= 2)} (${rssRatio.toFixed(1)}x) | no growth over ${GROWTH_TURNS.toLocaleString('en-GB')} turns (within 5%): ${verdict(!grows(memBot))} (${signedMb(growthBot)}; echo ${verdict(!grows(memEcho))})`,
      `  load generator: autocannon ${CONNECTIONS} connections in this process, with the fake connectors; the real bot logs at info to a file, the echo bot not at all; load average after the throughput rounds ${loadAfterThroughput}, at the end ${load1()}; section took ${((performance.now() - began) / 1000).toFixed(0)} s`,
    );
    return out;
  } finally {
    for (const s of running) await s.stop().catch(() => undefined);
    for (const c of connectors) await c.close().catch(() => undefined);
    killAll();
  }
}
