/**
 * The HTTP server: restify 11 with
 *   POST /api/messages  Bot Framework activities through the CloudAdapter (authenticated
 *                       whenever MicrosoftAppId is set; 400 for a malformed activity, 413 for
 *                       a body over MAX_BODY_BYTES, 401 without a valid token)
 *   GET  /health/live   the process answers
 *   GET  /health/ready  storage answers (within a second) and takes writes, and background work
 *                       (the reminder scheduler) is running; /healthz is an alias
 *
 * HOOK FOR OTHER PARTS OF THE PRODUCT (the local Web Chat page, the loopback Direct Line):
 *
 *   const running = await createServer(config, deps, {
 *     extraRoutes: (server, ctx) => {
 *       server.get('/', ...);                        // any restify route, registered before listen
 *       // ctx.processActivity(activity) runs an activity through the bot in-process, without a
 *       // Bot Framework token: only call it from loopback-only routes. Replies go to
 *       // activity.serviceUrl (point it at your own route), or come back in the result body
 *       // ({ activities }) when activity.deliveryMode is 'expectReplies'.
 *       // ctx.baseUrl() is the server's own URL once listening; ctx.config/ctx.logger/ctx.services as named.
 *     },
 *   });
 *
 * createServer returns a listening server; `close()` stops accepting, lets in-flight requests
 * finish (up to SHUTDOWN_TIMEOUT_MS), stops feature background work and closes storage.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AppError } from '../domain/shared/errors.ts';
import { statfsSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { openDatabase, storageProblemOf, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { createStateStore, stateMigrations } from '../storage/state-store.ts';
import { parseActivity } from './activity-schema.ts';
import { BodyError, readJsonBody } from './body-reader.ts';
import { AuthError, createAdapter, type BotAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import { createLogger, errorFields, type Logger } from './logger.ts';
import { createMiddleware } from './middleware.ts';
import { NO_BODIES, type BodyLookup } from './features/reminder-bodies.ts';
import { createProactive } from './proactive.ts';
import { createRouter, FEATURES, type Background, type Feature } from './routes.ts';
import { GENERIC_CONTACTS, type AnswerEngine, type ContactLines, type Services } from './services.ts';
import { SafeguardingBot } from './teams-bot.ts';
import { NO_TELEMETRY, type Telemetry } from './telemetry.ts';
import { userMessageFor } from './user-messages.ts';

export interface ServerDeps {
  engine: AnswerEngine;
  contacts?: ContactLines;
  /** The knowledge base's meetings for reminders (bodiesFrom(kb)); none by default. */
  bodies?: BodyLookup;
  logger?: Logger;
  /** Defaults to FEATURES from bot/routes.ts. */
  features?: readonly Feature[];
  /** An open database; by default opened from config.storageUrl (and closed by close()). */
  db?: Database;
  /** Built by the composition root, which also shuts it down after close(); off by default. */
  telemetry?: Telemetry;
}

export interface ExtraRoutesContext {
  config: Config;
  logger: Logger;
  services: Services;
  processActivity(activity: Partial<Activity>): Promise<InvokeResponse | undefined>;
  baseUrl(): string;
}

export interface ServerOptions {
  extraRoutes?: (server: Server, ctx: ExtraRoutesContext) => void | Promise<void>;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  adapter: BotAdapter;
  services: Services;
  processActivity(activity: Partial<Activity>): Promise<InvokeResponse | undefined>;
  /** Background work by feature name (the reminder scheduler under "reminders"), for diagnostics and tests. */
  background: ReadonlyMap<string, Background>;
  close(): Promise<void>;
}

/** Cards and channel data nest, but not this deep; deeper bodies are refused before parsing them further. */
const MAX_BODY_DEPTH = 64;

const HEALTH_DEADLINE_MS = 1_000;
const DEADLINE = Symbol('deadline');

/** The promise's value, or DEADLINE if it has not settled within `ms` (the promise keeps running). */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | typeof DEADLINE> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof DEADLINE>((resolve) => {
    timer = setTimeout(() => resolve(DEADLINE), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface RestifyErrorLike extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

export async function createServer(config: Config, deps: ServerDeps, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const ownsDb = !deps.db;
  const features = deps.features ?? FEATURES;
  const router = createRouter(features);
  const db = await openStorage(config, deps.db, [...stateMigrations, ...router.migrations]);

  const adapter = createAdapter(config);
  const services: Services = {
    config,
    logger,
    db,
    state: createStateStore(db),
    engine: deps.engine,
    contacts: deps.contacts ?? GENERIC_CONTACTS,
    bodies: deps.bodies ?? NO_BODIES,
    proactive: createProactive(adapter, config.appId),
    telemetry: deps.telemetry ?? NO_TELEMETRY,
  };
  for (const m of createMiddleware(services)) adapter.use(m);
  adapter.onTurnError = async (context, error) => {
    logger.error({ event: 'turn.error', type: context.activity.type, ...errorFields(error) }, 'turn failed');
    // An invoke (compose-box search) answers with a status, not a chat message.
    if (context.activity.type !== 'invoke') await context.sendActivity(userMessageFor(error)).catch(() => undefined);
  };
  const bot = new SafeguardingBot(services, router);
  const logic = (context: TurnContext) => bot.run(context);
  const background = new Map<string, Background>();
  for (const f of features) {
    const started = f.start?.(services);
    if (started) background.set(f.name, typeof started === 'function' ? { stop: started, problem: () => null } : started);
  }

  // restify logs through the bot's logger (serializers, redaction, length bounds), never its own pino.
  const server = restify.createServer({
    name: 'safeguarding-bot',
    handleUncaughtExceptions: false,
    log: logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
  });
  let stopping = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  server.pre((req, res, next) => {
    if (stopping) {
      res.setHeader('connection', 'close');
      res.send(503, { error: 'SHUTTING_DOWN', message: 'The bot is restarting; try again shortly.' });
      return next(false);
    }
    if (config.devMode && !isLoopbackAddressed(req)) {
      // DNS rebinding / CSRF: a web page elsewhere can make a browser send requests to 127.0.0.1,
      // but not with a loopback Host and Origin. The unauthenticated bot answers only those.
      logger.warn({ event: 'http.foreign_host' }, 'local mode: request not addressed to a loopback host');
      res.send(403, { error: 'FORBIDDEN', message: 'In local development mode the bot only answers requests addressed to 127.0.0.1 or localhost.' });
      return next(false);
    }
    inFlight++;
    const started = performance.now();
    res.once('finish', () => {
      inFlight--;
      // Route, status and timing only: never bodies, which hold message text.
      // Health probes and the playground's Direct Line polling (every half second) arrive
      // constantly; successful ones stay out of the info log.
      const routine =
        req.getPath() === '/healthz' || req.getPath().startsWith('/health/') || (req.method === 'GET' && req.getPath().startsWith('/v3/directline/'));
      const level = routine && res.statusCode < 400 ? 'debug' : 'info';
      // The route's pattern, not the raw path: paths are caller-supplied (ids, anything on a 404).
      logger[level]({ event: 'http', method: req.method, route: routeOf(req), status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      if (inFlight === 0) drained?.();
    });
    return next();
  });

  server.on('restifyError', (_req: Request, _res: Response, err: RestifyErrorLike, callback: () => void) => {
    if (err.statusCode === 413) {
      err.toJSON = () => ({ error: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${config.maxBodyBytes} bytes.` });
    } else if (err.statusCode === 400) {
      err.toJSON = () => ({ error: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    } else if (err.statusCode === 404 || err.statusCode === 405) {
      err.toJSON = () => ({ error: 'NOT_FOUND', message: 'No such endpoint.' });
    }
    return callback();
  });

  async function processTrusted(activity: Partial<Activity>): Promise<InvokeResponse | undefined> {
    return adapter.handleTrusted(parseActivity(activity), logic);
  }

  // Liveness: the process answers. Azure App Service / Container Apps restart on failure, so it checks nothing else.
  server.get('/health/live', async (_req: Request, res: Response) => {
    res.send(200, { status: 'live' });
  });

  // Readiness (/healthz is the older name): storage answers within a second and can take writes;
  // the knowledge base is loaded (the engine exists before the server does); background work is
  // running (a stopped or stuck reminder scheduler means meeting reminders silently stop).
  const ready = async (_req: Request, res: Response) => {
    try {
      // Within a second, whatever storage does: a probe that hangs is worse than a 503.
      if ((await withDeadline(db.all('SELECT 1 AS ok'), HEALTH_DEADLINE_MS)) === DEADLINE) throw new AppError('STORAGE', 'storage did not answer in time');
      const problem = storageProblem(db, config.storageUrl);
      if (problem) {
        logger.error({ event: 'health.storage', problem }, 'storage cannot take writes');
        res.send(503, { status: 'unavailable', storage: db.dialect, problem });
        return;
      }
      const now = new Date();
      for (const [name, work] of background) {
        const stuck = work.problem(now);
        if (stuck) {
          logger.error({ event: 'health.background', feature: name, problem: stuck }, 'background work is not running');
          res.send(503, { status: 'unavailable', storage: db.dialect, problem: stuck });
          return;
        }
      }
      res.send(200, { status: 'ok', mode: config.devMode ? 'local-development' : 'authenticated', storage: db.dialect });
    } catch (err) {
      logger.error({ event: 'health.storage', ...errorFields(err) }, 'storage check failed');
      res.send(503, { status: 'unavailable', storage: db.dialect, problem: 'unreachable' });
    }
  };
  server.get('/health/ready', ready);
  server.get('/healthz', ready);

  server.post('/api/messages', async (req: Request, res: Response) => {
    let activity: Activity;
    try {
      activity = parseActivity(await readJsonBody(req, { maxBytes: config.maxBodyBytes, maxDepth: MAX_BODY_DEPTH }));
    } catch (err) {
      if (err instanceof BodyError) {
        logger.warn({ event: 'body.rejected', status: err.status, code: err.code }, 'request body refused');
        res.send(err.status, { error: err.code, message: err.message });
        return;
      }
      logger.warn(
        {
          event: 'activity.rejected',
          fields: (err as AppError).details?.fields ? ((err as AppError).details!.fields as string[]).map((f) => f.split(':')[0]) : [],
        },
        'malformed activity',
      );
      res.send(400, { error: 'BAD_REQUEST', message: (err as Error).message });
      return;
    }
    try {
      const turn = adapter.handle(req.header('authorization') ?? '', activity, logic);
      const result = await withDeadline(turn, config.turnDeadlineMs);
      if (result === DEADLINE) {
        // Teams gives up after 15 s and may redeliver; answer now and let the turn finish (its own calls have deadlines).
        logger.warn({ event: 'turn.deadline', type: activity.type, ms: config.turnDeadlineMs }, 'turn still running at the deadline; answered 202');
        turn.catch((err: unknown) => logger.error({ event: 'turn.late_failure', ...errorFields(err) }, 'turn failed after the deadline'));
        res.send(202);
        return;
      }
      if (result?.body !== undefined) res.send(result.status, result.body);
      else res.send(result?.status ?? 200);
    } catch (err) {
      if (err instanceof AuthError) {
        if (err.status === 503) {
          logger.error({ event: 'auth.unverifiable', code: err.code, reason: err.reason }, 'cannot verify tokens: the signing key endpoint is unreachable');
          res.send(503, { error: 'AUTH_UNAVAILABLE', message: 'The bot cannot verify tokens right now; try again shortly.' });
        } else {
          logger.warn({ event: 'auth.rejected', code: err.code, reason: err.reason, channel: activity.channelId.slice(0, 32) }, 'unauthenticated request');
          res.send(401, { error: 'UNAUTHORIZED', message: 'A valid Bot Framework token is required.' });
        }
        return;
      }
      logger.error({ event: 'activity.failed', type: activity.type, ...errorFields(err) }, 'activity failed');
      res.send(500, { error: 'INTERNAL', message: 'The bot could not process this activity.' });
    }
  });

  if (config.devMode) {
    logger.warn(
      { event: 'dev-mode', host: config.host },
      'LOCAL DEVELOPMENT MODE: no MicrosoftAppId is set, so requests are NOT authenticated. Listening on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword before connecting to Teams.',
    );
  }

  let baseUrl = '';
  await options.extraRoutes?.(server, { config, logger, services, processActivity: processTrusted, baseUrl: () => baseUrl });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ event: 'listening', url: baseUrl, devMode: config.devMode, storage: db.dialect }, 'bot listening');

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    closing ??= (async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref()),
        ]);
      }
      server.server.closeAllConnections();
      await closed;
      for (const work of background.values())
        await work.stop().catch((err: unknown) => logger.error({ event: 'feature.stop', ...errorFields(err) }, 'feature stop failed'));
      if (ownsDb) await db.close();
      logger.info({ event: 'stopped' }, 'bot stopped');
    })();
    return closing;
  }

  return { server, url: baseUrl, port, adapter, services, processActivity: processTrusted, background, close };
}

function routeOf(req: Request): string {
  const route = (req as Request & { getRoute?: () => { path?: unknown } | null }).getRoute?.();
  return typeof route?.path === 'string' ? route.path : '(no route)';
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

/** Host is a loopback name and, when a browser sent an Origin, so is the Origin. */
function isLoopbackAddressed(req: Request): boolean {
  if (!LOOPBACK_NAMES.has(hostnameOf(req.headers.host ?? ''))) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return LOOPBACK_NAMES.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/** Opens and migrates storage; any failure is a readable STORAGE AppError (main.ts exits 78 on it). */
async function openStorage(config: Config, given: Database | undefined, migrations: Parameters<typeof migrate>[1]): Promise<Database> {
  let db: Database | undefined = given;
  try {
    db ??= await openDatabase(config.storageUrl, { timeoutMs: config.storageTimeoutMs });
    await migrate(db, migrations);
    return db;
  } catch (err) {
    if (!given) await db?.close().catch(() => undefined);
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    const problem = storageProblemOf(err);
    const where = config.storageUrl.replace(/\/\/[^@/]*@/, '//');
    throw new AppError(
      'STORAGE',
      `storage ${where} failed at start${problem ? ` (${problem})` : ''}: ${code ? `${String(code)} ` : ''}${(err as Error).message ?? String(err)}`,
    );
  }
}

/** Below this much free space the SQLite disk is reported full before a write fails. */
const MIN_FREE_BYTES = 1024 * 1024;

function storageProblem(db: Database, storageUrl: string): string | null {
  const writes = db.writeHealth();
  if (!writes.ok) return writes.problem ?? 'write-failed';
  if (db.dialect === 'sqlite') {
    const file = storageUrl.replace(/^sqlite:(\/\/)?/, '');
    if (file !== ':memory:') {
      try {
        const fs = statfsSync(dirname(resolvePath(file)));
        if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return 'full';
      } catch {
        return 'unreachable';
      }
    }
  }
  return null;
}
