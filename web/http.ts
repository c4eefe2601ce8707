/**
 * Small HTTP helpers for the playground routes: the loopback check, a bounded JSON body reader that
 * works whether or not the server already installed a body parser, and Direct Line style errors.
 */
import type { Request, Response } from 'restify';

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

/** Reads a JSON object body of at most `limit` bytes (413 beyond it, 400 when it is not a JSON object). */
export async function readJsonObject(req: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'MessageSizeTooBig', `The request body is larger than ${limit} bytes.`);
  const already = (req as { body?: unknown }).body;
  let parsed: unknown;
  if (already !== undefined && already !== null && !(typeof already === 'string' || Buffer.isBuffer(already))) {
    // A server-wide body parser got there first and already enforced its own limit.
    parsed = already;
  } else {
    const text = already !== undefined && already !== null ? String(already) : await readText(req, limit);
    if (text.trim() === '') throw new HttpError(400, 'BadArgument', 'The request body is empty; expected a JSON object.');
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'BadArgument', 'The request body is not valid JSON.');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'BadArgument', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function readText(req: Request, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > limit) {
        reject(new HttpError(413, 'MessageSizeTooBig', `The request body is larger than ${limit} bytes.`));
        req.pause();
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
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
