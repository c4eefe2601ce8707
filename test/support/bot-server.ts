/**
 * End-to-end harness for the bot: starts the real server (restify + CloudAdapter + the real
 * answer engine over the real knowledge base) on an ephemeral port with a temporary SQLite
 * file, and a fake Bot Framework connector (devkit/fake-connector.ts) that receives the
 * bot's replies, because the bot replies by calling `activity.serviceUrl`.
 *
 *   const bot = await startBot();
 *   const res = await bot.send(bot.message('help'));       // POST /api/messages over HTTP
 *   bot.connector.posted                                  // every activity the bot sent
 *   await bot.close();
 */
import { withoutMarks } from '../../cards/literal-text.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { BotAdapter } from '../../bot/adapter.ts';
import { composeServices } from '../../bot/compose-services.ts';
import { loadConfig, type Config } from '../../bot/config.ts';
import { createLogger, type Logger } from '../../bot/logger.ts';
import { createServer, type RunningServer, type ServerOptions } from '../../bot/server.ts';
import type { AnswerEngine, Services } from '../../bot/services.ts';
import { createTelemetry, type Telemetry } from '../../bot/telemetry.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { loadContacts } from '../../domain/contacts/contacts.ts';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load.ts';
import { bodiesFrom, type BodyLookup } from '../../bot/features/reminder-bodies.ts';
import { startConnector, type FakeConnector, type SentActivity } from '../../devkit/fake-connector.ts';

export { startConnector, type FakeConnector, type SentActivity } from '../../devkit/fake-connector.ts';

let kb: KnowledgeBase | null = null;
let engine: ReturnType<typeof createAnswerEngine> | null = null;
let bodies: BodyLookup | null = null;
/** The real knowledge base, loaded once per test file (as bot/main.ts loads it once). */
function realKnowledge(): KnowledgeBase {
  kb ??= loadKnowledge();
  return kb;
}
/** The real engine over the real knowledge base, built once per test file. */
export function realEngine(): ReturnType<typeof createAnswerEngine> {
  engine ??= createAnswerEngine(realKnowledge());
  return engine;
}
/** The real knowledge base's meetings for the reminder form, as bot/main.ts passes them to the server. */
export function realBodies(): BodyLookup {
  bodies ??= bodiesFrom(realKnowledge());
  return bodies;
}

/**
 * Builds what bot/main.ts builds, with the same function (bot/compose-services.ts), over the real
 * knowledge base. The caller closes `services.db` after the server.
 */
export async function composeBot(
  config: Config,
  parts: { logger: Logger; telemetry: Telemetry; engine?: AnswerEngine },
): Promise<{ services: Services; adapter: BotAdapter }> {
  const directory = config.contactsFile ? loadContacts(config.contactsFile) : loadContacts();
  return composeServices({
    config,
    logger: parts.logger,
    telemetry: parts.telemetry,
    engine: parts.engine ?? realEngine(),
    bodies: realBodies(),
    directory,
    documents: realKnowledge().documents,
  });
}

export interface BotUnderTest {
  url: string;
  config: Config;
  running: RunningServer;
  connector: FakeConnector;
  dbFile: string;
  /** Every log line the bot wrote (pino JSON). */
  logs: string[];
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a database file (to check that state survives a restart). */
  dbFile?: string;
  connector?: FakeConnector;
  options?: ServerOptions;
  /** Another answer engine than the real one (a slow one, to test a graceful stop). */
  engine?: AnswerEngine;
}

export async function startBot(opts: StartOptions = {}): Promise<BotUnderTest> {
  const dir = opts.dbFile ? null : mkdtempSync(join(tmpdir(), 'bot-test-'));
  const dbFile = opts.dbFile ?? join(dir!, 'bot.db');
  const config = loadConfig({ PORT: '0', STORAGE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'debug', ...opts.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const connector = opts.connector ?? (await startConnector());
  const logger = createLogger('debug', sink);
  // As bot/main.ts does: off unless the env asks for it.
  const telemetry = await createTelemetry(config.telemetry, logger);
  const { services, adapter } = await composeBot(config, { logger, telemetry, ...(opts.engine ? { engine: opts.engine } : {}) });
  const running = await createServer(services, adapter, opts.options).catch(async (err: unknown) => {
    await services.db.close();
    throw err;
  });
  let closing: Promise<void> | null = null;
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  };
  return {
    url: running.url,
    config,
    running,
    connector,
    dbFile,
    logs,
    post,
    send: (activity, headers) => post(JSON.stringify(activity), headers),
    // Once, however often a test calls it (a PostgreSQL pool refuses a second end()).
    close() {
      closing ??= (async () => {
        await running.close();
        await services.db.close();
        await telemetry.shutdown();
        if (!opts.connector) await connector.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

// ---- Activities as Teams sends them ------------------------------------------------------

export const BOT = { id: '28:bot-id', name: 'Safeguarding bot' };
export const TENANT = '00000000-0000-4000-8000-000000000001';

export interface Where {
  /** personal chat (default), a channel thread in a team, or a group chat. */
  kind?: 'personal' | 'channel' | 'groupChat';
  conversationId?: string;
  teamId?: string;
  user?: { id: string; name: string; aadObjectId?: string };
}

export const PRACTITIONER = { id: '29:practitioner', name: 'Sam Practitioner', aadObjectId: 'aad-practitioner' };
export const LEAD = { id: '29:lead', name: 'Alex Lead', aadObjectId: 'aad-lead' };

let seq = 0;

export function activity(connector: FakeConnector, where: Where, extra: Record<string, unknown>): Record<string, unknown> {
  const kind = where.kind ?? 'personal';
  const user = where.user ?? PRACTITIONER;
  const conversationId =
    where.conversationId ?? (kind === 'personal' ? `a:personal-${user.id}` : kind === 'channel' ? '19:general@thread.tacv2' : '19:group@thread.v2');
  return {
    id: `incoming-${++seq}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: user,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: kind, tenantId: TENANT, ...(kind !== 'personal' ? { isGroup: true } : {}) },
    channelData: {
      tenant: { id: TENANT },
      ...(kind === 'channel' ? { team: { id: where.teamId ?? '19:team@thread.tacv2' }, channel: { id: conversationId.split(';')[0] } } : {}),
    },
    ...extra,
  };
}

export function message(connector: FakeConnector, text: string, where: Where = {}): Record<string, unknown> {
  return activity(connector, where, { type: 'message', text, textFormat: 'plain' });
}

/** "@Safeguarding bot <text>" as Teams delivers a mention in a channel or group chat. */
export function mention(connector: FakeConnector, text: string, where: Where): Record<string, unknown> {
  const at = `<at>${BOT.name}</at>`;
  return activity(connector, where, {
    type: 'message',
    text: `${at} ${text}`,
    entities: [{ type: 'mention', text: at, mentioned: BOT }],
  });
}

/** An Action.Submit click: Teams sends a message whose value is the button's data (plus inputs). */
export function submit(connector: FakeConnector, value: Record<string, unknown>, where: Where = {}, replyToId?: string): Record<string, unknown> {
  return activity(connector, where, { type: 'message', value, ...(replyToId ? { replyToId } : {}) });
}

export function installed(connector: FakeConnector, where: Where = {}): Record<string, unknown> {
  return activity(connector, where, { type: 'conversationUpdate', membersAdded: [BOT] });
}

export function installationUpdate(connector: FakeConnector, action: 'add' | 'remove', where: Where = {}): Record<string, unknown> {
  return activity(connector, where, { type: 'installationUpdate', action });
}

export function composeQuery(connector: FakeConnector, query: string, commandId = 'searchKnowledge', where: Where = {}): Record<string, unknown> {
  return activity(connector, where, {
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId, parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } },
  });
}

// ---- Reading what the bot sent -------------------------------------------------------------

export const CARD = 'application/vnd.microsoft.card.adaptive';

export function cardOf(a: SentActivity | Record<string, any>): Record<string, any> | null {
  const act = 'activity' in a && a.activity && typeof a.method === 'string' ? a.activity : a;
  const att = (act.attachments ?? []).find((x: { contentType?: string }) => x.contentType === CARD);
  return att ? (att.content as Record<string, any>) : null;
}

/** All TextBlock texts of a card, depth first, so tests can read a card like a person would. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      // Without the invisible marks of the literal-text rule (cards/literal-text.ts): what a person sees.
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(withoutMarks(o.text));
      if (o.type === 'FactSet' && Array.isArray(o.facts))
        for (const f of o.facts as Array<{ title: string; value: string }>) out.push(withoutMarks(`${f.title}: ${f.value}`));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every Action.Submit in a card with its title and data. */
export function cardSubmits(card: unknown): Array<{ title: string; data: Record<string, any> }> {
  const out: Array<{ title: string; data: Record<string, any> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') out.push({ title: String(o.title), data: (o.data ?? {}) as Record<string, any> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export function button(card: unknown, title: string | RegExp): Record<string, any> {
  const found = cardSubmits(card).find((s) => (typeof title === 'string' ? s.title === title : title.test(s.title)));
  if (!found)
    throw new Error(
      `no button "${String(title)}" on the card; buttons: ${cardSubmits(card)
        .map((s) => s.title)
        .join(', ')}`,
    );
  return found.data;
}
