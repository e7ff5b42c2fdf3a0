/** Summary statistics of latency samples (milliseconds). */
export function summarize(samples: number[]): { n: number; min: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: s[0], p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
