// `npm run chaos -- <scenario> [<scenario>…] | all | --help`: fault scripts against the real
// processes (see scenarios.ts). Exit code 0 only when every selected scenario passed.
import type { ChaosRun } from './harness';
import { checkLines, type RecordedResult, RESULTS_DIR, tableRows } from './report';
import { execute } from './scenario';
import { SCENARIOS } from './scenarios';

function help(): void {
  console.log('사용법 / usage: npm run chaos -- <scenario>… | all | --help\n');
  const width = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) console.log(`  ${s.name.padEnd(width)}  ${s.summary} (≤ ${s.deadlineMs / 1000} s)`);
  console.log(`\n  ${'all'.padEnd(width)}  every scenario above, in this order`);
  console.log(`\nResults: one table row per scenario, JSON in ${RESULTS_DIR}/<scenario>.json.`);
  console.log('Each run uses its own database shopdesk_chaos_<scenario> and redis-server on 6391–6399; needs `npm run build:server`.');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    help();
    return args.length === 0 ? 1 : 0;
  }
  const names = args.includes('all') ? SCENARIOS.map((s) => s.name) : args;
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`알 수 없는 시나리오 / unknown scenario: ${unknown.join(', ')}; see --help`);
    return 2;
  }

  // Ctrl+C / SIGTERM: stop what the current run started, then exit.
  let current: ChaosRun | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every process this run started`);
      void (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  process.once('exit', () => current?.killAllSync());

  const results: RecordedResult[] = [];
  for (const name of names) {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    console.log(`\n== ${name}: ${scenario.summary}`);
    const r = await execute(scenario, { onRun: (run) => (current = run) });
    current = null;
    results.push(r);
    console.log(`\n${tableRows([r]).join('\n')}`);
    console.log(checkLines(r).join('\n'));
  }
  if (results.length > 1) console.log(`\n${tableRows(results).join('\n')}`);
  return results.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
