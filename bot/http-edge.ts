/**
 * What every HTTP request meets before its route: a 503 once the server is stopping, the
 * loopback-only rule of local development mode, one log line per request (route, status and
 * timing, never a body), the in-flight count that a graceful stop waits on, and JSON error
 * bodies for restify's own 400 / 404 / 405 / 413.
 */
import type { Request, Response, Server } from 'restify';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface RequestGate {
  /** From now on every new request is answered 503 SHUTTING_DOWN. */
  stop(): void;
  /** Resolves once no request is in flight, or after `timeoutMs`, whichever is first. */
  drained(timeoutMs: number): Promise<void>;
}

export function guardRequests(server: Server, { config, logger }: { config: Config; logger: Logger }): RequestGate {
  let stopping = false;
  let inFlight = 0;
  let onDrained: (() => void) | null = null;

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
      if (inFlight === 0) onDrained?.();
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

  return {
    stop() {
      stopping = true;
    },
    async drained(timeoutMs) {
      if (inFlight === 0) return;
      await Promise.race([
        new Promise<void>((resolve) => {
          onDrained = resolve;
        }),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    },
  };
}

interface RestifyErrorLike extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
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
