/**
 * `npm run bench -- --fuzz`: the hostile requests of test/hardening/fuzz.test.ts (the same
 * seeded generator, devkit/fuzz-cases.ts), 10,000 of them by default (`--fuzz-requests N`), one
 * after another against the compiled production start (`node dist/bot/main.js`, local
 * development mode, LOG_LEVEL=warn as in the test), replies going to the fake connector in this
 * process. Prints the test's figures: status counts (and by category), 5xx, requests over 5 s,
 * the slowest, and the RSS of the server process alone (the test's figure also holds its client
 * and harness), before, half way and after; then whether the server still answers /health/ready.
 */
import { loadavg } from 'node:os';
import { startConnector } from '../devkit/fake-connector.ts';
import { createFuzzer, FUZZ_SEED, postFuzz } from '../devkit/fuzz-cases.ts';
import { ensureBuilt, killAll, REAL_BOT, startServer, type Started } from './processes.ts';
import { percentile } from './stats.ts';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1048576).toFixed(0)} MB`;

export async function runFuzzBench(count = 10_000): Promise<string[]> {
  const began = performance.now();
  const out = [
    `Fuzz: ${count.toLocaleString('en-GB')} hostile requests (seed ${FUZZ_SEED}, devkit/fuzz-cases.ts) against a started server; load average at start ${loadavg()[0]!.toFixed(1)}`,
  ];
  out.push(`  ${ensureBuilt()}`);
  const connector = await startConnector();
  let bot: Started | null = null;
  try {
    bot = await startServer(REAL_BOT, 'production', { env: { LOG_LEVEL: 'warn' } });
    const next = createFuzzer(FUZZ_SEED, connector.url);
    const statuses = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    const times: number[] = [];
    const rssBefore = bot.rss();
    let rssHalf = 0;
    let rssPeak = rssBefore;
    for (let i = 0; i < count; i++) {
      const request = next();
      const { kind } = request;
      const started = performance.now();
      let status: string;
      try {
        status = String(await postFuzz(bot.url, request));
      } catch (err) {
        // A timeout, a reset or a refused connection: the server did not answer.
        status = (err as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
      }
      times.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const k = byKind.get(kind) ?? new Map<string, number>();
      byKind.set(kind, k.set(status, (k.get(status) ?? 0) + 1));
      if (i % 500 === 0) {
        connector.clear();
        rssPeak = Math.max(rssPeak, bot.rss());
      }
      if (i === Math.floor(count / 2)) rssHalf = bot.rss();
    }
    const rssAfter = bot.rss();
    rssPeak = Math.max(rssPeak, rssAfter);
    const ready = await fetch(`${bot.url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    const sorted = [...times].sort((a, b) => a - b);
    const count5xx = [...statuses].filter(([s]) => /^5\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
    const unanswered = (statuses.get('timeout') ?? 0) + (statuses.get('no answer') ?? 0);
    const fmt = (m: Map<string, number>) =>
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, c]) => `${c.toLocaleString('en-GB')} x ${s}`)
        .join(', ');
    out.push(
      `  statuses: ${fmt(statuses)}`,
      `  5xx: ${count5xx}; unanswered (timeout, reset): ${unanswered}; over 5 s: ${times.filter((t) => t > 5000).length}; slowest ${sorted.at(-1)!.toFixed(0)} ms, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`,
      `  server RSS (its own process): before ${mb(rssBefore)}, half way ${mb(rssHalf)}, after ${mb(rssAfter)} (${signed(rssAfter - rssBefore)}; second half ${signed(rssAfter - rssHalf)}), highest sampled ${mb(rssPeak)}`,
      `  afterwards: process ${bot.rss() > 0 ? 'up' : 'GONE'}, /health/ready ${ready}`,
      '  by category:',
      ...[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, m]) => `    ${kind.padEnd(20)} ${fmt(m)}`),
      `  took ${((performance.now() - began) / 1000).toFixed(0)} s; load average at the end ${loadavg()[0]!.toFixed(1)}`,
    );
    return out;
  } finally {
    await bot?.stop().catch(() => undefined);
    await connector.close().catch(() => undefined);
    killAll();
  }
}
