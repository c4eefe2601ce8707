/**
 * Telemetry end to end: the real bot server exports OTLP/HTTP JSON to an in-process receiver on
 * 127.0.0.1 (as a collector would receive it), and a unique marker sent as the message text,
 * the user's name and ids, and the conversation id appears in no exported byte. With nothing
 * configured, nothing is started: the OpenTelemetry API keeps its no-op providers and a
 * receiver named in the process environment hears nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { metrics, trace, type ProxyTracerProvider } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ATTR, NO_TELEMETRY } from '../../bot/telemetry.ts';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

const MARKER = `zq${Math.random().toString(36).slice(2, 10)}marker`;
const WHO = { id: `29:${MARKER}`, name: `Pat ${MARKER}`, aadObjectId: `aad-${MARKER}` };
const WHERE = { user: WHO, conversationId: `a:${MARKER}` };

interface Received {
  path: string;
  raw: string;
  json: any;
}

/** Accepts OTLP/HTTP JSON on /v1/traces and /v1/metrics and keeps every request. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const raw = body.toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        /* kept raw: the test fails on the content type below */
      }
      received.push({ path: `${req.url} ${req.headers['content-type'] ?? ''}`, raw, json });
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Attr = { key: string; value: Record<string, unknown> };
const attrs = (list: Attr[] = []) => Object.fromEntries(list.map((a) => [a.key, Object.values(a.value)[0]]));
const spansIn = (r: Received[]) =>
  r
    .filter((x) => x.path.startsWith('/v1/traces'))
    .flatMap((x) =>
      x.json.resourceSpans.flatMap((rs: any) =>
        rs.scopeSpans.flatMap((ss: any) => ss.spans.map((s: any) => ({ ...s, resource: attrs(rs.resource.attributes) }))),
      ),
    );
const metricsIn = (r: Received[]) =>
  r
    .filter((x) => x.path.startsWith('/v1/metrics'))
    .flatMap((x) => x.json.resourceMetrics.flatMap((rm: any) => rm.scopeMetrics.flatMap((sm: any) => sm.metrics)));
const pointsOf = (m: any): any[] => (m.histogram ?? m.sum ?? m.gauge).dataPoints;

async function until<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('telemetry off (the default)', () => {
  it('starts nothing and exports nothing, even with an OTLP endpoint in the process environment', async () => {
    // Config is read from the env given to loadConfig; if anything started the SDK from process.env, this receiver would hear it.
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', receiver.url);
    const bot = await startBot();
    try {
      expect(bot.config.telemetry).toBeNull();
      expect(bot.running.services.telemetry).toBe(NO_TELEMETRY);
      expect((await bot.send(message(bot.connector, `What is the MASH? ${MARKER}`, WHERE))).status).toBe(200);
      expect(bot.connector.sent.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 500));
      expect((trace.getTracerProvider() as ProxyTracerProvider).getDelegate().constructor.name).toBe('NoopTracerProvider');
      expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
    } finally {
      await bot.close();
    }
    expect(receiver.received).toEqual([]);
  });
});

describe('telemetry to an OTLP/HTTP receiver', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    receiver.received.splice(0);
    bot = await startBot({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SERVICE_NAME: 'bot-under-test',
        OTEL_METRIC_EXPORT_INTERVAL: '200',
        OTEL_BSP_SCHEDULE_DELAY: '50',
      },
    });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('exports one span per turn and the metrics, with the agreed attribute names and no message text, names or ids', async () => {
    expect(bot.running.services.telemetry.enabled).toBe(true);
    expect((await bot.send(message(bot.connector, `What does MASH stand for? ${MARKER}`, WHERE))).status).toBe(200);
    expect((await bot.send(message(bot.connector, `blorptastic ${MARKER} frobnicate`, WHERE))).status).toBe(200);
    expect((await bot.send(message(bot.connector, 'help', WHERE))).status).toBe(200);
    // The scheduler reports each handled occurrence here (wiring: bot/features/reminders.ts; outcomes: scheduler-status.test.ts).
    bot.running.services.telemetry.reminderSend('delivered', false);
    bot.running.services.telemetry.reminderSend('retry', true);

    const turns = await until('three turn spans', () => {
      const found = spansIn(receiver.received).filter((s) => s.name === 'bot.turn');
      return found.length >= 3 ? found : undefined;
    });
    const questions = turns.filter((s) => attrs(s.attributes)[ATTR.route] === 'question');
    expect(questions).toHaveLength(2);
    for (const span of questions) {
      expect(span.kind).toBe(2); // SERVER
      expect(span.resource['service.name']).toBe('bot-under-test');
      const a = attrs(span.attributes);
      expect(a).toMatchObject({ [ATTR.activityType]: 'message', [ATTR.channel]: 'msteams', [ATTR.scope]: 'personal', [ATTR.route]: 'question' });
      expect(typeof a[ATTR.answerKind]).toBe('string');
      expect(typeof a[ATTR.answerOutcome]).toBe('string');
      expect(typeof a[ATTR.abstained]).toBe('boolean');
      expect(Number(a[ATTR.durationMs])).toBeGreaterThanOrEqual(0);
    }
    expect(questions.map((s) => attrs(s.attributes)[ATTR.abstained]).sort()).toEqual([false, true]);
    expect(turns.map((s) => attrs(s.attributes)[ATTR.route])).toContain('help');

    const names = ['turn.duration', 'answers', 'abstentions', 'reminder.sends'];
    const latest = await until('the four metrics', () => {
      const byName = new Map(metricsIn(receiver.received).map((m: any) => [m.name, m]));
      return names.every((n) => byName.has(n)) ? byName : undefined;
    });
    const duration = latest.get('turn.duration');
    expect(duration.unit).toBe('ms');
    expect(pointsOf(duration).map((p) => attrs(p.attributes))).toContainEqual({ [ATTR.activityType]: 'message', [ATTR.route]: 'question' });
    expect(pointsOf(latest.get('answers')).map((p) => Object.keys(attrs(p.attributes)).sort())).toContainEqual([ATTR.answerKind, ATTR.answerOutcome].sort());
    expect(pointsOf(latest.get('abstentions')).every((p) => Object.keys(attrs(p.attributes)).join() === ATTR.reason)).toBe(true);
    expect(pointsOf(latest.get('reminder.sends')).map((p) => attrs(p.attributes))).toEqual(
      expect.arrayContaining([
        { [ATTR.reminderStatus]: 'sent', [ATTR.possibleRepeat]: false },
        { [ATTR.reminderStatus]: 'retried', [ATTR.possibleRepeat]: true },
      ]),
    );

    expect(receiver.received.every((r) => r.path.endsWith('application/json'))).toBe(true);
    expect(receiver.received.filter((r) => r.raw.includes(MARKER))).toEqual([]);
  });

  it('flushes on shutdown and gives the API its no-op providers back', async () => {
    expect((await bot.send(message(bot.connector, `What is the LADO? ${MARKER}`, WHERE))).status).toBe(200);
    const before = receiver.received.length;
    await bot.close();
    expect(receiver.received.length).toBeGreaterThan(before);
    expect((trace.getTracerProvider() as ProxyTracerProvider).getDelegate().constructor.name).toBe('NoopTracerProvider');
    expect(receiver.received.filter((r) => r.raw.includes(MARKER))).toEqual([]);
  });
});
