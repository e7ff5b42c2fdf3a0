// CI size of `npm run chaos -- multi-instance`: 2 APIs + 2 workers, 10 SLA tickets, 10 reshipments,
// 4×4 concurrent updates, every rate limit probed through both APIs.
import { runInCi } from './chaos-ci';
import { multiInstance } from './multi-instance.scenario';

it('two APIs and two workers: each rung, reshipment and mail once; rate limits hold across instances', async () => {
  const r = await runInCi(multiInstance, { slaTickets: 10, reshipments: 10, replyTickets: 4, updatesPerTicket: 4, limit: 3, reconcileEveryMs: 2_000 });
  expect(r.error).toBeUndefined();
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  expect(r.counts).toMatchObject({ duplicated: 0, lost: 0, http5xx: 0 });
  expect(r.counts.acknowledged).toBe(r.counts.sent);
}, 120_000);
