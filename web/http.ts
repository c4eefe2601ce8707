/**
 * Small HTTP helpers for the playground routes: the loopback check, a bounded JSON body reader that
 * works whether or not the server already installed a body parser, and Direct Line style errors.
 */
import type { Request, Response } from 'restify';
import { BodyError, readJsonBody } from '../bot/body-reader.ts';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * True only for a request from this machine addressed to a loopback name. The Host check stops DNS
 * rebinding: a web page on some other site whose name resolves to 127.0.0.1 still sends its own Host.
 */
export function isLoopbackRequest(req: Request): boolean {
  const remote = req.socket.remoteAddress ?? '';
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK_ADDRESSES.has(remote) && LOOPBACK_HOSTNAMES.has(host);
}

/**
 * Reads a JSON object body through the bot's one body reader (JSON content type only, decoded
 * size limited, nothing on disk): 413 beyond the limit, 415 for forms or other types (a web page
 * cannot post JSON cross-origin without a preflight), 400 when it is not a JSON object.
 */
export async function readJsonObject(req: Request, limit: number): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = await readJsonBody(req, { maxBytes: limit, maxDepth: 64 });
  } catch (err) {
    if (err instanceof BodyError) {
      const code = err.status === 413 ? 'MessageSizeTooBig' : err.status === 415 ? 'UnsupportedMediaType' : 'BadArgument';
      throw new HttpError(err.status, code, err.message);
    }
    throw err;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'BadArgument', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** Direct Line and the Bot Connector both answer errors as { error: { code, message } }. */
export function sendError(res: Response, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  sendJson(res, 500, { error: { code: 'ServiceError', message: 'The playground failed to handle this request.' } });
}

export function bearerToken(req: Request): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? '';
}
