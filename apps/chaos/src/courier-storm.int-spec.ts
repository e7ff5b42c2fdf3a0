// CI size of `npm run chaos -- courier-storm`: 2,000 webhooks with the same shares.
import { courierStorm } from './courier-storm.scenario';
import { runInCi } from './chaos-ci';

it('courier webhook storm: bad signatures 401, nothing applied twice, final states = ordered replay', async () => {
  const r = await runInCi(courierStorm, { events: 2_000, duplicateShare: 0.3, badShare: 0.05, concurrency: 16, tickets: 10 });
  expect(r.error).toBeUndefined();
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  expect(r.counts).toMatchObject({ sent: 2_000, duplicated: 0, lost: 0, http5xx: 0 });
}, courierStorm.deadlineMs + 30_000);
