/**
 * The health endpoints Azure App Service / Container Apps probe:
 *   GET /health/live   the process answers (a failure restarts it, so it checks nothing else)
 *   GET /health/ready  storage answers within a second and can take writes, and background work
 *                      (the reminder scheduler) is running; /healthz is the older name
 */
import { statfsSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../shared/errors.ts';
import type { Database } from '../storage/database.ts';
import type { Config } from './config.ts';
import { errorFields, type Logger } from './logger.ts';
import type { Background } from './routes.ts';
import { DEADLINE, withDeadline } from './with-deadline.ts';

const HEALTH_DEADLINE_MS = 1_000;

/** Below this much free space the SQLite disk is reported full before a write fails. */
const MIN_FREE_BYTES = 1024 * 1024;

export interface HealthDeps {
  config: Config;
  logger: Logger;
  db: Database;
  /** Background work by feature name; any one reporting a problem fails readiness. */
  background: ReadonlyMap<string, Background>;
}

export function registerHealth(server: Server, { config, logger, db, background }: HealthDeps): void {
  server.get('/health/live', async (_req: Request, res: Response) => {
    res.send(200, { status: 'live' });
  });

  // The knowledge base needs no check: the engine exists before the server does. A stopped or
  // stuck reminder scheduler does, because meeting reminders would silently stop.
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
}

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
