/** Summary statistics of samples (latencies in ms, or one rate per run). */
export function summarize(samples: number[]): { n: number; min: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: s[0], p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Which statistic of `runs` a goal is checked on. */
export type Stat = 'min' | 'median' | 'p95' | 'p99' | 'max';

export interface Goal {
  stat: Stat;
  op: '>=' | '<=';
  value: number;
}

/** A ceiling measured in the same run: what the bare component (raw pg, raw BullMQ) allows. */
export interface Ceiling {
  name: string;
  runs: number[];
}

/**
 * One figure of a benchmark. `runs` holds one value per run (a rate) or one per request (a latency);
 * the report shows min/median/p95/p99 over them, beside the median of each ceiling.
 */
export interface BenchFigure {
  name: string;
  unit: string;
  runs: number[];
  ceilings?: Ceiling[];
  goal?: Goal;
  note?: string;
  /** A correctness check, not a speed goal: when it fails, `npm run bench` exits non-zero. */
  hard?: boolean;
}

export interface BenchResult {
  bench: string;
  /** What the figures were measured on, e.g. "100,000 live SLA timers". */
  dataset: string;
  figures: BenchFigure[];
}

export function stat(runs: number[], which: Stat): number {
  const s = summarize(runs);
  return which === 'median' ? s.p50 : s[which];
}

/** PASS/FAIL of a figure against its goal; undefined when it has none (or no finite value). */
export function verdict(f: BenchFigure): 'PASS' | 'FAIL' | undefined {
  if (!f.goal || f.runs.length === 0) return undefined;
  const v = stat(f.runs, f.goal.stat);
  if (!Number.isFinite(v)) return 'FAIL';
  return (f.goal.op === '>=' ? v >= f.goal.value : v <= f.goal.value) ? 'PASS' : 'FAIL';
}

export const describeGoal = (f: BenchFigure) =>
  f.goal ? `${f.goal.stat} ${f.goal.op === '>=' ? '≥' : '≤'} ${f.goal.value.toLocaleString('en-US')} ${f.unit}` : '';

/** Values look alike across the report: integers from 100 up, else 3 significant digits. */
export function fmt(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return Number(n.toPrecision(3)).toString();
}

/** Runs `fn` over and over for `seconds`, `concurrency` loops at once; returns operations per second. */
export async function rateFor(seconds: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let done = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (process.hrtime.bigint() < deadline) await fn(done++);
    }),
  );
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}
