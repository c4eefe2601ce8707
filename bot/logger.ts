/**
 * Structured logs (pino): ONE logger for the bot and for restify (passed to restify.createServer
 * as `log`), so restify's own warnings go through the same protection. Messages may describe
 * children, so log lines carry ids, codes, counts and durations only, never message text.
 *
 * Three lines of defence, at every level:
 *   - serializers: `req`, `res` and `err` objects (restify logs `{ req, err }` when a response
 *     cannot be formatted) are reduced to method, path, status and error kind; never a body;
 *   - content keys (text, bodies, card values, attachments, authorization) dropped wherever they sit;
 *   - every caller-supplied string is cut to MAX_LOGGED_STRING characters (a 200 KB channelId
 *     was written verbatim into one line), and nested objects are cut at a small depth.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

export const MAX_LOGGED_STRING = 200;
const MAX_LOGGED_DEPTH = 4;
const MAX_LOGGED_ITEMS = 20;

const SECRET_KEYS = [
  'text',
  'question',
  'body',
  '_body',
  'value',
  'values',
  'attachments',
  'activity',
  'activities',
  'card',
  'data',
  'speak',
  'summary',
  'note',
  'notes',
  'authorization',
];

const SECRET = new Set(SECRET_KEYS);

/** Cuts long strings and deep or wide structures; drops keys that hold content wherever they are. */
export function boundForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_LOGGED_STRING ? `${value.slice(0, MAX_LOGGED_STRING)}…[${value.length} chars]` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return errorSummary(value);
  if (depth >= MAX_LOGGED_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_LOGGED_ITEMS).map((v) => boundForLog(v, depth + 1));
    return value.length > MAX_LOGGED_ITEMS ? [...items, `…[${value.length} items]`] : items;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `[${(proto as { constructor?: { name?: string } })?.constructor?.name ?? 'object'}]`;
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (n++ >= MAX_LOGGED_ITEMS * 2) {
      out['…'] = 'more keys';
      break;
    }
    out[boundForLog(k) as string] = SECRET.has(k) ? '[redacted]' : boundForLog(v, depth + 1);
  }
  return out;
}

function errorSummary(err: Error): Record<string, unknown> {
  const code = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  return {
    type: err.name,
    ...(code !== undefined ? { code: boundForLog(String(code)) } : {}),
    ...(typeof status === 'number' ? { statusCode: status } : {}),
    // The first line of a stack repeats the message, which may quote the caller's input.
    stack: err.stack
      ?.split('\n')
      .slice(1, 8)
      .map((l) => l.trim()),
  };
}

interface HttpLike {
  method?: string;
  url?: string;
  statusCode?: number;
  getPath?: () => string;
}

const serializers = {
  req: (req: HttpLike) => ({ method: req?.method, path: boundForLog(typeof req?.getPath === 'function' ? req.getPath() : (req?.url ?? '').split('?')[0]) }),
  res: (res: HttpLike) => ({ status: res?.statusCode }),
  err: (err: unknown) => (err instanceof Error ? errorSummary(err) : { type: typeof err }),
};

/** A line's top-level fields: content keys dropped, everything else bounded (req/res/err go to the serializers). */
function bounded(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = k === 'req' || k === 'res' || k === 'err' ? v : SECRET.has(k) ? '[redacted]' : boundForLog(v, 1);
  }
  return out;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'safeguarding-bot' },
    serializers,
    // No pino `redact` paths: the formatters below already drop every content key at every depth
    // they keep (pino's paths reached three levels) and cost a fifth of each line (issue 13).
    formatters: {
      // Runs on every line's own fields before serialising; req/res/err go to the serializers above.
      log: bounded,
    },
    hooks: {
      // The message argument is ours in this code, but restify passes its own; keep it short.
      logMethod(args, method) {
        const bounded = args.map((a) => (typeof a === 'string' ? (boundForLog(a) as string) : a)) as Parameters<typeof method>;
        return method.apply(this, bounded);
      },
    },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // A child logger's own fields get the same treatment: pino serialises them once, at creation,
  // past the log formatter. Children are made from their parent, so they inherit this too.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with each logger as `this`
  const child = logger.child as unknown as (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => Logger;
  logger.child = function (this: Logger, bindings: pino.Bindings, childOptions?: pino.ChildLoggerOptions) {
    return child.call(this, bounded(bindings), childOptions);
  } as unknown as Logger['child'];
  return logger;
}

/** What may be logged about an error: its kind and code, and the stack for our own bugs. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    // Stacks point at our code; the first line repeats the message, which we do not control for library errors.
    const frames = err.stack
      ?.split('\n')
      .slice(1, 8)
      .map((l) => l.trim());
    return { errName: err.name, ...(code !== undefined ? { errCode: String(code).slice(0, MAX_LOGGED_STRING) } : {}), stack: frames };
  }
  return { errName: typeof err };
}
