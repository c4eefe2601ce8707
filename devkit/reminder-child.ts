/**
 * Development only (never imported by the bot): starts devkit/scheduler-child.ts as a separate
 * process (a second bot instance), for the reminder tests and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface ChildRun extends Promise<{ handled: number; code: number | null; signal: NodeJS.Signals | null }> {
  child: ChildProcess;
  /** Resolves when the child has opened the database and waits for go(). */
  ready: Promise<void>;
  go(): void;
}

export function runChild(env: Record<string, string>): ChildRun {
  // node itself (not the tsx wrapper), so SIGKILL reaches the process that runs the scheduler.
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'scheduler-child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ handled: number; code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal) return resolve({ handled: -1, code, signal });
      if (code !== 0) return reject(new Error(`scheduler child exited ${code}: ${err.slice(-2000)}`));
      const line = out.trim().split('\n').pop() ?? '{}';
      resolve({ handled: (JSON.parse(line) as { handled: number }).handled, code, signal });
    });
  }) as ChildRun;
  done.child = child;
  done.ready = ready;
  done.go = () => void child.stdin!.write('go\n');
  return done;
}
