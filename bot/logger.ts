/**
 * Structured logs (pino). Messages may describe children, so log lines carry ids, codes,
 * counts and durations only, never message text. The redact list is a second line of defence
 * in case someone logs an activity or a request body by mistake.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', '*.text', '*.*.text', 'question', '*.question', 'body', '*.body', 'value', '*.value',
  'attachments', '*.attachments', 'activity', '*.activity', 'req.body', 'headers.authorization', '*.headers.authorization',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'safeguarding-bot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** What may be logged about an error: its kind and code, and the stack for our own bugs. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    // Stacks point at our code; the first line repeats the message, which we do not control for library errors.
    const frames = err.stack?.split('\n').slice(1, 8).map((l) => l.trim());
    return { errName: err.name, ...(code !== undefined ? { errCode: String(code) } : {}), stack: frames };
  }
  return { errName: typeof err };
}
