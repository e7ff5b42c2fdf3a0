// CI smoke of the benchmark suite: every bench runs once with tiny sizes against the test database,
// Redis DB and queue prefix, so the scripts never rot. Only the shape of the figures is checked —
// never their values (timing belongs in `npm run bench`, not in a test). Needs `npm run build:server`
// (the benches spawn the built API and worker).
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from '@shopdesk/testing/test-env';
import { benchBundles } from '../src/bundles.bench';
import { benchIntake } from '../src/intake.bench';
import { renderReport } from '../src/report';
import { benchSla } from '../src/sla.bench';
import { benchSoak } from '../src/soak.bench';
import type { BenchResult } from '../src/stats';
import { benchTemplates } from '../src/templates.bench';
import { benchViews } from '../src/views.bench';
import { benchWebhooks } from '../src/webhooks.bench';

jest.setTimeout(120_000);

const saved = { ...process.env };
beforeAll(() => {
  process.env.BENCH_DATABASE_URL = TEST_DATABASE_URL;
  process.env.BENCH_REDIS_URL = TEST_REDIS_URL;
  process.env.BENCH_QUEUE_PREFIX = TEST_QUEUE_PREFIX;
});
afterAll(() => {
  process.env = saved;
});

function expectFigures(r: BenchResult, bench: string): void {
  expect(r.bench).toBe(bench);
  expect(r.figures.length).toBeGreaterThan(0);
  for (const f of r.figures) {
    expect({ figure: f.name, runs: f.runs.length > 0 }).toEqual({ figure: f.name, runs: true });
    for (const v of [...f.runs, ...(f.ceilings ?? []).flatMap((c) => c.runs)]) {
      expect({ figure: f.name, finite: Number.isFinite(v) }).toEqual({ figure: f.name, finite: true });
    }
  }
}

describe('bench suite smoke (tiny sizes, no timing assertions)', () => {
  const results: BenchResult[] = [];

  it('templates', async () => {
    const r = await benchTemplates({ roundTrips: 40, concurrency: 4, runs: 1 });
    expectFigures(r, 'templates');
    results.push(r);
  });

  it('sla', async () => {
    const r = await benchSla({ tickets: 1_000, nearTerm: 20, windowSeconds: 2, runs: 1 });
    expectFigures(r, 'sla');
    results.push(r);
  });

  it('webhooks', async () => {
    const r = await benchWebhooks({ seconds: 1, concurrency: 4, runs: 1, duplicateShare: 0.3 });
    expectFigures(r, 'webhooks');
    results.push(r);
  });

  it('intake (API and worker peak RSS included)', async () => {
    const r = await benchIntake({ seconds: 1, concurrency: 4, runs: 1, warmupSeconds: 1 });
    expectFigures(r, 'intake');
    results.push(r);
  });

  it('soak (form submitters and agents at once; errors and lost writes are checks, not timings)', async () => {
    const r = await benchSoak({ seconds: 5, submitters: 10, agents: 2 });
    expectFigures(r, 'soak');
    for (const f of r.figures.filter((x) => x.hard)) expect({ figure: f.name, value: f.runs[0] }).toEqual({ figure: f.name, value: 0 });
    results.push(r);
  });

  it('views', async () => {
    const r = await benchViews({ tickets: 1_000, samples: 10 });
    expectFigures(r, 'views');
    results.push(r);
  });

  it('bundles (when the web apps are built)', async () => {
    const r = await benchBundles();
    for (const f of r.figures) for (const v of f.runs) expect(Number.isFinite(v)).toBe(true);
    results.push(r);
  });

  it('renders the report with every figure', () => {
    const machine = { cpu: 'test', cores: 1, ramGb: 1, node: process.version, postgres: '15', redis: '7', loadAverage: 0 };
    const md = renderReport(results, { machine, startedAt: new Date(), minutes: 1, settings: {}, notes: [] });
    for (const r of results) for (const f of r.figures) expect(md).toContain(f.name);
  });
});
