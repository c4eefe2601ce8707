/**
 * The one request body reader for every route (Bot Framework activities and the playground's
 * Direct Line). It replaces restify's bodyParser because that parser
 *   - crashed the process on a body that claimed `Content-Encoding: gzip` but was not gzip
 *     (an unhandled Gunzip error, before any token check),
 *   - counted the compressed bytes against the limit, so 260 KB of gzip inflated to 255 MB,
 *   - parsed multipart and form bodies and wrote uploads to the temp folder.
 * Here: only `application/json`; identity, gzip, deflate or br, with the limit applied to the
 * inflated bytes as they arrive; nothing is written to disk; nesting depth and string lengths
 * are bounded after parsing (iteratively, so a deep body cannot overflow the stack).
 */
import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';

export interface BodyLimits {
  /** Largest body in bytes after decoding. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth?: number;
  /** Longest single string (keys and values), in characters. */
  maxStringChars?: number;
}

export const DEFAULT_MAX_DEPTH = 32;

/** A body the reader refuses; `status` is the HTTP answer, `code` the stable error code. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** `application/json`, optionally with a UTF-8 charset; anything else (forms, multipart, text) is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

function decoderFor(encoding: string): Transform | null | 'unsupported' {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return 'unsupported';
  }
}

/** Reads the raw body, decoded, refusing it as soon as the decoded size passes the limit. */
export function readBodyText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const encoding = String(req.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === 'unsupported') {
    req.resume();
    return Promise.reject(new BodyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding must be identity, gzip, deflate or br.'));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  // A compressed body is never larger than what it inflates to, so the declared length is a safe early check.
  if (declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let rawSize = 0;
    let settled = false;
    const fail = (err: BodyError) => {
      if (settled) return;
      settled = true;
      parts.length = 0;
      decoder?.destroy();
      // Drain and discard the rest so the connection can answer; nothing more is kept.
      req.unpipe();
      req.resume();
      reject(err);
    };
    const source = decoder ?? req;
    source.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge(maxBytes));
      parts.push(chunk);
    });
    source.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(parts).toString('utf8'));
    });
    source.on('error', () => fail(new BodyError(400, 'BAD_REQUEST', `The request body is not valid ${encoding} data.`)));
    if (decoder) {
      req.on('data', (chunk: Buffer) => {
        rawSize += chunk.length;
        if (rawSize > maxBytes) fail(tooLarge(maxBytes));
      });
      req.on('error', () => fail(new BodyError(400, 'BAD_REQUEST', 'The request body could not be read.')));
      req.pipe(decoder);
    }
    req.on('aborted', () => fail(new BodyError(400, 'BAD_REQUEST', 'The request was aborted.')));
  });
}

function tooLarge(maxBytes: number): BodyError {
  return new BodyError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxBytes} bytes.`);
}

/** Reads and parses a JSON body within the limits; every refusal is a BodyError. */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    throw new BodyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Only Content-Type: application/json bodies are accepted.');
  }
  const text = await readBodyText(req, limits.maxBytes);
  if (text.trim() === '') throw new BodyError(400, 'BAD_REQUEST', 'The request body is empty; expected a JSON object.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the body; never pass it on.
    throw new BodyError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
  checkShape(parsed, limits.maxDepth ?? DEFAULT_MAX_DEPTH, limits.maxStringChars ?? limits.maxBytes);
  return parsed;
}

/** Depth and string length, walked with an explicit stack (linear in the body's size). */
function checkShape(root: unknown, maxDepth: number, maxStringChars: number): void {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.length > maxStringChars) throw new BodyError(400, 'BAD_REQUEST', `The request body has a string longer than ${maxStringChars} characters.`);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) throw new BodyError(400, 'BAD_REQUEST', `The request body is nested deeper than ${maxDepth} levels.`);
    if (Array.isArray(node)) {
      for (const v of node) stack.push([v, depth + 1]);
    } else {
      for (const [k, v] of Object.entries(node)) {
        if (k.length > maxStringChars) throw new BodyError(400, 'BAD_REQUEST', `The request body has a key longer than ${maxStringChars} characters.`);
        stack.push([v, depth + 1]);
      }
    }
  }
}
