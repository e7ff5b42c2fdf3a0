import { ChaosRun, DeadlineExceeded } from './harness';
import { type RecordedResult, type ScenarioResult, writeResult } from './report';

/** A fault scenario: full size for `npm run chaos`, a reduced size for its CI integration test. */
export interface Scenario<S = Record<string, number>> {
  name: string;
  /** One line for `--help`. */
  summary: string;
  deadlineMs: number;
  full: S;
  run(run: ChaosRun, size: S): Promise<ScenarioResult>;
}

export interface ExecuteOptions<S> {
  size?: S;
  /** Database name suffix, so a CI run never drops the database of a manual run. */
  suffix?: string;
  log?: (line: string) => void;
  /** Called with the run once it exists (the CLI kills its children on Ctrl+C). */
  onRun?: (run: ChaosRun) => void;
  writeJson?: boolean;
}

/**
 * Runs one scenario within its hard deadline; whatever happens, every process it started is
 * stopped before this resolves. Never throws: a broken run is a failed result with its error.
 */
export async function execute<S>(scenario: Scenario<S>, opts: ExecuteOptions<S> = {}): Promise<RecordedResult> {
  const run = new ChaosRun({ name: `${scenario.name}${opts.suffix ?? ''}`, deadlineMs: scenario.deadlineMs, log: opts.log });
  opts.onRun?.(run);
  const startedAt = new Date();
  let result: ScenarioResult | null = null;
  let error: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded(`hard deadline of ${scenario.deadlineMs / 1000} s reached`)), scenario.deadlineMs);
    });
    result = await Promise.race([scenario.run(run, opts.size ?? scenario.full), deadline]);
  } catch (err) {
    error = (err as Error).stack ?? String(err);
    run.say(`ERROR ${(err as Error).message.split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
    await run.close();
  }
  const recorded: RecordedResult = {
    scenario: scenario.name,
    description: result?.description ?? scenario.summary,
    counts: result?.counts ?? { sent: 0, acknowledged: 0, stored: 0, duplicated: 0, lost: 0, http5xx: 0 },
    figures: result?.figures ?? {},
    checks: result?.checks ?? [],
    pass: !error && !!result && result.checks.length > 0 && result.checks.every((c) => c.ok),
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    actions: run.actions,
    ...(error ? { error } : {}),
  };
  if (opts.writeJson !== false) writeResult(recorded);
  return recorded;
}
