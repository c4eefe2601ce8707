/**
 * The HTTP server: restify 11 carrying the bot's routes. It builds nothing the bot uses: the
 * composition root (bot/main.ts, or test/support/bot-server.ts in tests) opens storage and
 * builds every service and the adapter, and hands them in. Here they are put together:
 *   - every request first meets the edge (bot/http-edge.ts): shutdown, loopback rule, logging;
 *   - GET /health/live, /health/ready and /healthz (bot/health.ts);
 *   - POST /api/messages, activities through the CloudAdapter (bot/messages-endpoint.ts);
 *   - each feature's background work (bot/routes.ts) is started, and stopped on close.
 *
 * HOOK FOR OTHER PARTS OF THE PRODUCT (the local Web Chat page, the loopback Direct Line):
 *
 *   const running = await createServer(services, adapter, {
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
 * finish (up to SHUTDOWN_TIMEOUT_MS) and stops feature background work. Storage stays open:
 * whoever opened it closes it after close().
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { parseActivity } from './activity-schema.ts';
import type { BotAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import { registerHealth } from './health.ts';
import { guardRequests } from './http-edge.ts';
import { errorFields, type Logger } from './logger.ts';
import { registerMessages } from './messages-endpoint.ts';
import { createMiddleware } from './middleware.ts';
import { createRouter, FEATURES, type Background } from './routes.ts';
import type { Services } from './services.ts';
import { SafeguardingBot } from './teams-bot.ts';
import { userMessageFor } from './user-messages.ts';

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

/**
 * `services` as the composition root built them (storage open and migrated for FEATURES);
 * `adapter` is the one inbound activities go through, the adapter `services.proactive` posts with.
 */
export async function createServer(services: Services, adapter: BotAdapter, options: ServerOptions = {}): Promise<RunningServer> {
  const { config, logger } = services;
  const router = createRouter(FEATURES);

  for (const m of createMiddleware(services)) adapter.use(m);
  adapter.onTurnError = async (context, error) => {
    logger.error({ event: 'turn.error', type: context.activity.type, ...errorFields(error) }, 'turn failed');
    // An invoke (compose-box search) answers with a status, not a chat message.
    if (context.activity.type !== 'invoke') await context.sendActivity(userMessageFor(error)).catch(() => undefined);
  };
  const bot = new SafeguardingBot(services, router);
  const logic = (context: TurnContext) => bot.run(context);
  const background = new Map<string, Background>();
  for (const f of FEATURES) {
    const started = f.start?.(services);
    if (started) background.set(f.name, typeof started === 'function' ? { stop: started, problem: () => null } : started);
  }

  // restify logs through the bot's logger (serializers, redaction, length bounds), never its own pino.
  const server = restify.createServer({
    name: 'safeguarding-bot',
    handleUncaughtExceptions: false,
    log: logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
  });
  const gate = guardRequests(server, { config, logger });
  registerHealth(server, { config, logger, db: services.db, background });
  registerMessages(server, { config, logger, adapter, logic });

  async function processTrusted(activity: Partial<Activity>): Promise<InvokeResponse | undefined> {
    return adapter.handleTrusted(parseActivity(activity), logic);
  }

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
  logger.info({ event: 'listening', url: baseUrl, devMode: config.devMode, storage: services.db.dialect }, 'bot listening');

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    closing ??= (async () => {
      gate.stop();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeIdleConnections();
      await gate.drained(config.shutdownTimeoutMs);
      server.server.closeAllConnections();
      await closed;
      for (const work of background.values())
        await work.stop().catch((err: unknown) => logger.error({ event: 'feature.stop', ...errorFields(err) }, 'feature stop failed'));
      logger.info({ event: 'stopped' }, 'bot stopped');
    })();
    return closing;
  }

  return { server, url: baseUrl, port, adapter, services, processActivity: processTrusted, background, close };
}
