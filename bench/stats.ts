/** Small helpers for benchmark figures. */
import v8 from 'node:v8';
import vm from 'node:vm';

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Per-input latency in milliseconds, sorted. */
export function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown): number[] {
  const out: number[] = [];
  for (const x of inputs) {
    const t = process.hrtime.bigint();
    fn(x);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
export const ms = (x: number): string => `${x.toFixed(2)} ms`;

/**
 * Heap in use after a full collection, so index sizes are compared on what they retain, not on
 * when the collector last ran. `npm run bench` has no --expose-gc, so the flag is set here.
 */
export function heapAfterGc(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

let gc: (() => void) | undefined;
function collect(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}
