/**
 * One small SQL interface over the embedded SQLite file (better-sqlite3) and PostgreSQL (pg),
 * so every store (bot state, checklists, reminders) is written once. SQL uses PostgreSQL's
 * `$1` placeholders; the SQLite adapter rewrites them to named parameters.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../shared/errors.ts';

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | boolean | null | undefined;

export interface Database {
  readonly dialect: Dialect;
  /** Rows of a query. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Rows changed by a statement. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs fn in one transaction; nested calls join the outer one. */
  transaction<T>(fn: (tx: Database) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Whether the last write failed because storage is full, read-only or failing (cleared by a successful write). */
  writeHealth(): WriteHealth;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * For writes that may be lost in a power cut or an OS crash (never in a process crash, and
   * never corrupting anything): what a follow-up or a thumbs-up needs, not what a reminder does.
   * The commit then does not wait for the disk: SQLite commits it with synchronous=NORMAL (the
   * next full commit or checkpoint makes it durable), PostgreSQL with synchronous_commit off.
   * Why: on SQLite each full commit is an fsync on the event loop, ~0.2 ms of an answer turn.
   */
  relaxed?: boolean;
}

export interface WriteHealth {
  ok: boolean;
  /** 'full', 'read-only' or 'io-error' when not ok. */
  problem?: 'full' | 'read-only' | 'io-error';
  code?: string;
}

/** SQLite result codes and PostgreSQL SQLSTATEs that mean "storage cannot take writes", not "bad statement". */
export function storageProblemOf(err: unknown): WriteHealth['problem'] | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === '53100' || code === '53200') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === '25006') return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO' || code === '58030') return 'io-error';
  return null;
}

/** Remembers the outcome of writes, so a health probe can report a full or read-only disk. */
function writeTracker(): { track<T>(p: () => Promise<T>): Promise<T>; health(): WriteHealth } {
  let state: WriteHealth = { ok: true };
  return {
    async track(p) {
      try {
        const v = await p();
        state = { ok: true };
        return v;
      } catch (err) {
        const problem = storageProblemOf(err);
        if (problem) state = { ok: false, problem, code: String((err as { code?: unknown }).code) };
        throw err;
      }
    },
    health: () => state,
  };
}

/** `sqlite:./data/bot.db`, a bare file path, or `postgres://user@host/db`. */
export interface OpenOptions {
  /** PostgreSQL: connection, statement and query timeout (ms). A frozen server fails a query instead of hanging it. */
  timeoutMs?: number;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only when PostgreSQL is configured: a SQLite deployment never pays for the client at start.
    const { default: client } = await import('pg');
    return openPostgres(client, url, options.timeoutMs ?? 3_000);
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  return openSqlite(file);
}

function toSqliteParams(params: readonly SqlValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  params.forEach((v, i) => {
    out[`p${i + 1}`] = typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v;
  });
  return out;
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file);
  } catch (err) {
    throw new AppError('STORAGE', `Cannot open the SQLite file ${file}: ${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // The level every commit but a relaxed one keeps (FULL, SQLite's default), restored after one.
  const durable = String(db.pragma('synchronous', { simple: true }));
  // Prepared once: compiling BEGIN and COMMIT on every answered turn was a measurable share of its
  // storage time (issue 13). The pragmas are not: SQLite applies some of them when compiling.
  const control = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
      cache.set(sql, stmt);
    }
    return stmt;
  };
  // better-sqlite3 is synchronous, but transaction bodies are async: a promise chain
  // keeps one transaction at a time on this connection so statements never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  let depth = 0;
  const writes = writeTracker();

  const api: Database = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const stmt = prepare(sql);
      return (stmt.reader ? stmt.all(toSqliteParams(params)) : (stmt.run(toSqliteParams(params)), [])) as T[];
    },
    async run(sql, params = []) {
      return writes.track(async () => prepare(sql).run(toSqliteParams(params)).changes);
    },
    writeHealth: () => writes.health(),
    async transaction<T>(fn: (tx: Database) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      if (depth > 0) return fn(api);
      const next = queue.then(() =>
        writes.track(async () => {
          depth++;
          // SQLite sets the level outside a transaction; it applies to this one's commit only,
          // and every other commit keeps the durable level, whatever happens here.
          if (options.relaxed) db.pragma('synchronous = NORMAL');
          control.begin.run();
          try {
            const result = await fn(api);
            control.commit.run();
            return result;
          } catch (err) {
            if (db.inTransaction) control.rollback.run();
            throw err;
          } finally {
            depth--;
            if (options.relaxed) db.pragma(`synchronous = ${durable}`);
          }
        }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      db.close();
    },
  };
  return api;
}

function openPostgres(client: typeof pg, url: string, timeoutMs: number): Database {
  const pool = new client.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: timeoutMs,
    // statement_timeout stops work on the server; query_timeout stops waiting on a server or
    // network that no longer answers (a partition), and the pool then drops that connection.
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 500,
    keepAlive: true,
  });
  // An idle client error must not crash the bot; the next query reports the problem.
  pool.on('error', () => undefined);
  const writes = writeTracker();
  const wrap = (client: pg.Pool | pg.PoolClient, inTx: boolean): Database => ({
    dialect: 'postgres',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async run(sql, params = []) {
      return writes.track(async () => (await client.query(sql, params as unknown[])).rowCount ?? 0);
    },
    writeHealth: () => writes.health(),
    async transaction<T>(fn: (tx: Database) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      if (inTx) return fn(wrap(client, true));
      const conn = await pool.connect();
      let broken: Error | undefined;
      try {
        await conn.query('BEGIN');
        if (options.relaxed) await conn.query('SET LOCAL synchronous_commit TO OFF');
        const result = await fn(wrap(conn, true));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
        throw err;
      } finally {
        // A connection that could not even roll back (timed out, reset) is dropped, not reused.
        conn.release(broken);
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  });
  return wrap(pool, false);
}
