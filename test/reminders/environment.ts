/**
 * Kept apart from devkit/reminder-fixtures.ts, which the scheduler child processes import outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { startReminderConnector, type ReminderConnector } from '../../devkit/reminder-connector.ts';
import { startTestPostgres, type TestPostgres } from '../../devkit/postgres.ts';

/**
 * The shared environment of a reminder test file: a throwaway PostgreSQL and a loopback
 * connector, started before the file's tests and stopped after them. Read `env.pg` and
 * `env.connector` inside tests (they are set once beforeAll has run).
 */
export function useReminderEnvironment(): { pg: TestPostgres; connector: ReminderConnector } {
  const env = {} as { pg: TestPostgres; connector: ReminderConnector };
  beforeAll(async () => {
    [env.pg, env.connector] = await Promise.all([startTestPostgres(), startReminderConnector()]);
  });
  afterAll(async () => {
    await env.connector?.close();
    await env.pg?.stop();
  });
  return env;
}
