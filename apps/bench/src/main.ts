// `npm run bench`: every benchmark against the real PostgreSQL and Redis, then docs/benchmarks.md.
// `npm run bench -- <name> [<name>…]`: only those, with their table printed (the file is left alone).
// `npm run bench -- soak --seconds 60 --submitters 200 --agents 4`: the soak's size (also BENCH_SOAK_*).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchConcurrency, benchDuration, benchRuns } from './bench-env';
import { benchBundles } from './bundles.bench';
import { benchIntake } from './intake.bench';
import { describeMachine, renderReport, resultSection, verdictLines } from './report';
import { benchSla } from './sla.bench';
import { benchSoak } from './soak.bench';
import { type BenchResult, verdict } from './stats';
import { benchTemplates } from './templates.bench';
import { benchViews } from './views.bench';
import { benchWebhooks } from './webhooks.bench';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const args = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string' }, submitters: { type: 'string' }, agents: { type: 'string' } },
});
/** A size from its flag, else its variable, else the default. */
const sized = (flag: 'seconds' | 'submitters' | 'agents', variable: string, fallback: number) => {
  const value = Number(args.values[flag] ?? process.env[variable] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${flag} / ${variable} must be a whole number ≥ 1`);
  return value;
};
const soakSize = () => ({
  seconds: sized('seconds', 'BENCH_SOAK_SECONDS', 60),
  submitters: sized('submitters', 'BENCH_SOAK_SUBMITTERS', 200),
  agents: sized('agents', 'BENCH_SOAK_AGENTS', 4),
});

/** Defaults sized so the whole suite finishes in about 15 minutes on a 2-core machine. */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  templates: () =>
    benchTemplates({ roundTrips: num('BENCH_ROUND_TRIPS', 1_000), concurrency: benchConcurrency(16), runs: benchRuns() }),
  sla: () =>
    benchSla({
      tickets: num('BENCH_SLA_TICKETS', 100_000),
      nearTerm: num('BENCH_SLA_NEAR', 2_000),
      windowSeconds: num('BENCH_SLA_WINDOW', 20),
      runs: benchRuns(),
    }),
  webhooks: () => benchWebhooks({ seconds: benchDuration(), concurrency: benchConcurrency(32), runs: benchRuns(), duplicateShare: 0.3 }),
  intake: () => benchIntake({ seconds: benchDuration(), concurrency: benchConcurrency(32), runs: benchRuns() }),
  views: () => benchViews({ tickets: num('BENCH_VIEWS_TICKETS', 200_000), samples: num('BENCH_VIEWS_SAMPLES', 200) }),
  bundles: () => benchBundles(),
  soak: () => benchSoak(soakSize()),
};

async function main(): Promise<void> {
  const names = args.positionals;
  for (const name of names) {
    if (!BENCHES[name]) throw new Error(`unknown benchmark "${name}"; available: ${Object.keys(BENCHES).join(', ')}`);
  }
  const all = names.length === 0;
  const startedAt = new Date();
  // Asked before the benches load the machine, so the report shows what else was running.
  const machine = all
    ? await describeMachine(
        process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
        process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/8',
      )
    : undefined;
  const results: BenchResult[] = [];
  const failures: string[] = [];
  const selected = all ? Object.keys(BENCHES) : names;
  const file = join(__dirname, '../../../docs/benchmarks.md');
  const soak = soakSize();
  const settings = {
    BENCH_DURATION: `${benchDuration()} s`,
    BENCH_RUNS: benchRuns(),
    BENCH_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? 'per bench (templates 16, webhooks/intake 32)',
    BENCH_ROUND_TRIPS: num('BENCH_ROUND_TRIPS', 1_000),
    BENCH_SLA_TICKETS: num('BENCH_SLA_TICKETS', 100_000),
    BENCH_VIEWS_TICKETS: num('BENCH_VIEWS_TICKETS', 200_000),
    BENCH_VIEWS_SAMPLES: num('BENCH_VIEWS_SAMPLES', 200),
    BENCH_SOAK: `${soak.seconds} s, ${soak.submitters} submitters, ${soak.agents} agents`,
  };
  for (const [i, name] of selected.entries()) {
    console.log(`\n== ${name} (node ${process.version}, ${new Date().toISOString()})`);
    try {
      results.push(await BENCHES[name]());
    } catch (err) {
      // One broken bench must not cost the whole suite's figures; it is reported and the exit code says so.
      if (!all) throw err;
      console.error(err);
      failures.push(`ERROR ${name}: ${(err as Error).message}`);
    }
    // Written after every bench, so an interrupted suite still leaves what it measured.
    if (machine) {
      const minutes = (Date.now() - startedAt.getTime()) / 60_000;
      const partial = i < selected.length - 1 ? [`partial run: ${i + 1} of ${selected.length} benchmarks done`] : [];
      writeFileSync(file, renderReport(results, { machine, startedAt, minutes, settings, notes: [...failures, ...partial] }));
    }
  }

  console.log('');
  for (const r of results) console.log(resultSection(r).join('\n'));
  for (const line of verdictLines(results)) console.log(line);
  if (machine) console.log(`\nwrote ${file}`);
  // A missed speed goal is a finding, not an error: the exit code reports benches that broke, and
  // failed correctness checks (soak: errors or lost writes).
  const broken = results.flatMap((r) => r.figures.filter((f) => f.hard && verdict(f) === 'FAIL').map((f) => `${r.bench}: ${f.name}`));
  for (const b of broken) console.error(`FAILED CHECK ${b}`);
  if (failures.length || broken.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
