// Shared by the CI versions of the fault scenarios (*.int-spec.ts): reduced sizes, their own
// databases (suffix _ci) on the test server and redis-servers on private ports, never the shared
// test database or Redis DB.
import type { RecordedResult } from './report';
import { execute, type Scenario } from './scenario';

export async function runInCi<S>(scenario: Scenario<S>, size: S): Promise<RecordedResult> {
  const testDb = process.env.TEST_DATABASE_URL;
  if (testDb) {
    const u = new URL(testDb); // the same server as the test database (URL.origin is "null" for postgres:)
    process.env.CHAOS_POSTGRES_URL = `postgres://${u.username}${u.password ? `:${u.password}` : ''}@${u.host}`;
  }
  const verbose = process.env.CHAOS_VERBOSE === '1';
  const lines: string[] = [];
  const r = await execute(scenario, {
    size,
    suffix: '_ci',
    writeJson: false,
    log: (line) => (verbose ? console.log(line) : lines.push(line)),
  });
  // On failure the run's log explains it.
  if (!r.pass) console.log([...lines, ...r.checks.map((c) => `${c.ok ? 'ok' : 'FAIL'} ${c.name}: ${c.detail}`), r.error ?? ''].join('\n'));
  return r;
}
