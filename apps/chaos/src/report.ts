// One result per scenario: the common counts, scenario-specific figures and the checks that decide
// pass/fail; printed as one table row and written to test-results/chaos/<scenario>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Counts {
  sent: number;
  acknowledged: number;
  stored: number;
  duplicated: number;
  lost: number;
  http5xx: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  counts: Counts;
  /** Scenario-specific figures (kills, 401s, recovery seconds, …). */
  figures: Record<string, number | string>;
  checks: Check[];
}

export interface RecordedResult extends ScenarioResult {
  pass: boolean;
  startedAt: string;
  seconds: number;
  actions: string[];
  error?: string;
}

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });

export const RESULTS_DIR = join(__dirname, '../../../test-results/chaos');

export function writeResult(r: RecordedResult, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.scenario}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

const HEADER = ['scenario', 'sent', 'ack', 'stored', 'dup', 'lost', '5xx', 'result', 'figures'];

export function tableRows(results: RecordedResult[]): string[] {
  const rows = results.map((r) => [
    r.scenario,
    String(r.counts.sent),
    String(r.counts.acknowledged),
    String(r.counts.stored),
    String(r.counts.duplicated),
    String(r.counts.lost),
    String(r.counts.http5xx),
    r.pass ? 'PASS' : 'FAIL',
    Object.entries(r.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === HEADER.length - 1 ? 0 : row[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join(' | ');
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function checkLines(r: RecordedResult): string[] {
  return [
    ...r.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    ...(r.error ? [`  ERROR ${r.error}`] : []),
  ];
}
