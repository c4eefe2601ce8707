/**
 * POST /api/messages: Bot Framework activities through the CloudAdapter, authenticated whenever
 * MicrosoftAppId is set. 400 for a malformed activity, 413 for a body over MAX_BODY_BYTES, 401
 * without a valid token, 503 when the token signing keys cannot be fetched, 202 for a turn
 * still running at TURN_DEADLINE_MS.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { AppError } from '../shared/errors.ts';
import { parseActivity } from './activity-schema.ts';
import { AuthError, type BotAdapter } from './adapter.ts';
import { BodyError, readJsonBody } from './body-reader.ts';
import type { Config } from './config.ts';
import { errorFields, type Logger } from './logger.ts';
import { DEADLINE, withDeadline } from './with-deadline.ts';

/** Cards and channel data nest, but not this deep; deeper bodies are refused before parsing them further. */
const MAX_BODY_DEPTH = 64;

export interface MessagesDeps {
  config: Config;
  logger: Logger;
  adapter: BotAdapter;
  logic: (context: TurnContext) => Promise<void>;
}

export function registerMessages(server: Server, { config, logger, adapter, logic }: MessagesDeps): void {
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
}
