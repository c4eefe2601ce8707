/**
 * "Try it without Teams": the page at http://127.0.0.1:PORT/ with Bot Framework Web Chat (its prebuilt
 * browser bundle served from node_modules, as the machine may have no internet) talking to the loopback
 * Direct Line in ./direct-line.ts. Only for local development mode: the caller registers it when no app
 * id is configured, and it refuses to register on a server that listens beyond 127.0.0.1.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { ExtraRoutesContext } from '../bot/server.ts';
import type { ConversationLog } from './conversation-log.ts';
import { registerDirectLine } from './direct-line.ts';
import { isLoopbackRequest } from './http.ts';

export interface PlaygroundOptions {
  /** The bot's origin, e.g. http://127.0.0.1:3978. Defaults to this server's own address, read per request. */
  botUrl?: string | (() => string);
  /** Path of the bot's messaging endpoint on botUrl. */
  messagesPath?: string;
  maxBodyBytes?: number;
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

function webChatBundlePath(): string {
  // The package exports only its module entry points; the browser bundle sits next to them in dist/.
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return path.join(path.dirname(entry), '..', 'dist', 'webchat.js');
}

const ASSETS: Record<string, { file: () => string; type: string; cache: string }> = {
  '/': { file: () => path.join(PUBLIC_DIR, 'index.html'), type: 'text/html; charset=utf-8', cache: 'no-store' },
  '/playground/playground.js': { file: () => path.join(PUBLIC_DIR, 'playground.js'), type: 'text/javascript; charset=utf-8', cache: 'no-store' },
  '/playground/playground.css': { file: () => path.join(PUBLIC_DIR, 'playground.css'), type: 'text/css; charset=utf-8', cache: 'no-store' },
  '/favicon.ico': { file: () => fileURLToPath(new URL('../manifest/color.png', import.meta.url)), type: 'image/png', cache: 'public, max-age=3600' },
  '/playground/webchat.js': { file: webChatBundlePath, type: 'text/javascript; charset=utf-8', cache: 'public, max-age=3600' },
};

/**
 * Content Security Policy for the page: scripts and connections only to this origin.
 * Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function serverOrigin(server: Server): string {
  const address = server.address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') throw new Error('The playground needs a server listening on a TCP port.');
  return `http://127.0.0.1:${address.port}`;
}

export function registerPlayground(server: Server, options: PlaygroundOptions = {}): ConversationLog {
  const botUrl = (): string => {
    const configured = typeof options.botUrl === 'function' ? options.botUrl() : options.botUrl;
    const url = (configured || serverOrigin(server)).replace(/\/+$/, '');
    // Activities carry no token here, so they may only ever go to a bot on this machine.
    if (!LOOPBACK_HOSTNAMES.has(new URL(url).hostname)) {
      throw new Error('The playground only runs against a bot on 127.0.0.1 (local development mode).');
    }
    return url;
  };
  if (typeof options.botUrl === 'string') botUrl();

  const log = registerDirectLine(server, {
    botEndpoint: () => `${botUrl()}${options.messagesPath ?? '/api/messages'}`,
    // Replies come back to this same server, where the connector half of the Direct Line listens.
    serviceUrl: () => serverOrigin(server),
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
  });

  for (const [route, asset] of Object.entries(ASSETS)) {
    server.get(route, async (req: Request, res: Response) => {
      if (!isLoopbackRequest(req)) {
        res.status(403);
        res.end('The playground only answers requests from this machine.');
        return;
      }
      const file = asset.file();
      try {
        const { size } = await stat(file);
        res.writeHead(200, {
          'Content-Type': asset.type,
          'Content-Length': size,
          'Cache-Control': asset.cache,
          'Content-Security-Policy': CSP,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        });
        await new Promise<void>((resolve, reject) => {
          createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
        });
      } catch {
        if (!res.headersSent) {
          res.status(500);
          res.end('The playground page is missing from this installation.');
        } else {
          res.destroy();
        }
      }
    });
  }
  return log;
}

/**
 * The hook for bot/server.ts: `createServer(services, adapter, { extraRoutes: playgroundRoutes })`.
 * Does nothing unless the bot runs in local development mode (no MicrosoftAppId, bound to 127.0.0.1).
 */
export function playgroundRoutes(server: Server, ctx: Pick<ExtraRoutesContext, 'config' | 'baseUrl' | 'logger'>): void {
  const { config } = ctx;
  if (!config.devMode || !LOOPBACK_HOSTNAMES.has(config.host)) return;
  registerPlayground(server, { botUrl: ctx.baseUrl, maxBodyBytes: config.maxBodyBytes });
  ctx.logger.info({ event: 'playground' }, 'Local playground enabled: open the server URL in a browser to chat with the bot, or run npm run chat.');
}
