// `npm run bench -- <name>`: benchmarks against the real PostgreSQL and Redis, printing figures.
import 'reflect-metadata';
import { benchIntake } from './intake.bench';
import { benchSla } from './sla.bench';
import { benchTemplates } from './templates.bench';
import { benchViews } from './views.bench';
import { benchWebhooks } from './webhooks.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  webhooks: () =>
    benchWebhooks({
      requests: Number(process.env.BENCH_WEBHOOK_REQUESTS ?? 20_000),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
      duplicateShare: 0.3,
    }),
  sla: () =>
    benchSla({
      tickets: Number(process.env.BENCH_SLA_TICKETS ?? 100_000),
      nearTerm: Number(process.env.BENCH_SLA_NEAR ?? 2_000),
      windowSeconds: Number(process.env.BENCH_SLA_WINDOW ?? 20),
    }),
  templates: () =>
    benchTemplates({
      roundTrips: Number(process.env.BENCH_ROUND_TRIPS ?? 2_000),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
      runs: Number(process.env.BENCH_RUNS ?? 3),
    }),
  views: () =>
    benchViews({
      tickets: Number(process.env.BENCH_VIEWS_TICKETS ?? 1_000_000),
      samples: Number(process.env.BENCH_VIEWS_SAMPLES ?? 200),
    }),
  intake: () => benchIntake({ requests: Number(process.env.BENCH_INTAKE_REQUESTS ?? 5_000), concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32), runs: Number(process.env.BENCH_RUNS ?? 3) }),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const selected = names.length ? names : Object.keys(BENCHES);
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark "${name}"; available: ${Object.keys(BENCHES).join(', ')}`);
    console.log(`== ${name} (node ${process.version}, ${new Date().toISOString()})`);
    await bench();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
