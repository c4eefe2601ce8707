/** Small helpers for benchmark figures. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

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
