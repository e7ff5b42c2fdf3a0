// CI size of `npm run chaos -- worker-kill`: 30 reshipment requests, the worker kill -9ed twice.
import { runInCi } from './chaos-ci';
import { workerKill } from './worker-kill.scenario';

it('worker kill -9 during reshipments: one warehouse order per idempotency key, none lost', async () => {
  const r = await runInCi(workerKill, { requests: 30, kills: 2, killEveryMs: 1_500 });
  expect(r.error).toBeUndefined();
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  expect(r.counts).toMatchObject({ sent: 30, acknowledged: 30, stored: 30, duplicated: 0, lost: 0, http5xx: 0 });
}, workerKill.deadlineMs + 30_000);
