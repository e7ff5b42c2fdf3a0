// CI size of `npm run chaos -- redis-flush`: 12 tickets on an 8/12 s SLA policy, FLUSHALL and a
// kill -9 / empty restart of the run's own redis-server while their rungs, mails and reshipments are live.
import { runInCi } from './chaos-ci';
import { redisFlush } from './redis-flush.scenario';

it('Redis flushed and restarted empty: timers rebuilt, each rung once, no mail or reshipment lost', async () => {
  const r = await runInCi(redisFlush, {
    tickets: 12,
    createEveryMs: 500,
    reshipEvery: 3,
    replyEvery: 4,
    reshipBurst: 10,
    firstReplySeconds: 8,
    resolutionSeconds: 12,
    flushAtMs: 5_000,
    killAtMs: 12_000,
    downMs: 2_000,
  });
  expect(r.error).toBeUndefined();
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  expect(r.counts).toMatchObject({ duplicated: 0, lost: 0, http5xx: 0 });
}, 120_000);
