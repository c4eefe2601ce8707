/**
 * Development only (never imported by the bot): a throwaway PostgreSQL for tests and the bench. Uses TEST_POSTGRES_URL when set (a server the tests may create
 * databases on); otherwise starts a throwaway cluster: initdb + pg_ctl from the PostgreSQL
 * binaries, in a temporary directory, listening on 127.0.0.1 on a free port, and removed
 * afterwards. When we are root (CI) the cluster runs as the `postgres` user, because
 * PostgreSQL refuses to run as root. Missing binaries are installed with apt-get when root;
 * otherwise the tests fail with a message saying what to install. Never skipped silently.
 *
 * Each test asks for a fresh database (`createDatabase()`), so tests never see each other's rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A new, empty database; returns its postgres:// URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const preferred = versions.includes('15') ? '15' : versions[0];
  return preferred ? join(root, preferred, 'bin') : null;
}

function ensureBinaries(): string {
  let bin = findBinDir();
  if (bin) return bin;
  // The same install step .ci/run uses (apt-get as root; a readable error otherwise).
  execFileSync('bash', [join(process.cwd(), 'scripts', 'ensure-postgres.sh')], { stdio: 'inherit' });
  bin = findBinDir();
  if (!bin) throw new Error('scripts/ensure-postgres.sh ran but no initdb was found under /usr/lib/postgresql');
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the postgres user when we are root. */
function runAs(bin: string, args: string[]): void {
  const cmd = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (cmd.status !== 0) throw new Error(`${bin} ${args[0] ?? ''} failed (${cmd.status}): ${cmd.stderr || cmd.stdout}`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function makeCreator(adminUrl: string): () => Promise<string> {
  let n = 0;
  return async () => {
    const name = `t_${process.pid}_${Date.now().toString(36)}_${n++}`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return withDatabase(adminUrl, name);
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const configured = process.env.TEST_POSTGRES_URL?.trim();
  if (configured) return { createDatabase: makeCreator(configured), stop: async () => undefined };

  const bin = ensureBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  runAs(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // fsync off: a throwaway cluster does not need durability, and CI disks are slow.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAs(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run interrupted before afterAll still removes the cluster.
  process.once('exit', () => {
    if (!stopped)
      spawnSync(
        isRoot ? 'runuser' : join(bin, 'pg_ctl'),
        isRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop'],
      );
  });
  return { createDatabase: makeCreator(`postgres://postgres@127.0.0.1:${port}/postgres`), stop };
}
