import type { NormalizedScan } from './providers/types';
import { CourierEventBatcher, type ScanToStore, type StoreRows } from './courier-event-batcher';

const scan = (eventId: string): ScanToStore => ({
  provider: 'generic',
  rawJson: '{}',
  scan: {
    eventId,
    courierCode: '04',
    waybill: '600000000001',
    status: 'in_transit',
    rawStatus: 'in_transit',
    occurredAt: new Date('2026-11-21T00:00:00Z'),
    location: null,
    description: null,
    expectedDelivery: null,
  } satisfies NormalizedScan,
});

/** A fake table: unique event ids, sequential ids, every store call recorded. */
function fakeStore(opts: { failWhen?: (rows: ScanToStore[]) => boolean; gate?: () => Promise<void> } = {}) {
  const table = new Map<string, string>();
  const calls: string[][] = [];
  let active = 0;
  let maxActive = 0;
  const store: StoreRows = async (rows) => {
    calls.push(rows.map((r) => r.scan.eventId));
    active++;
    maxActive = Math.max(maxActive, active);
    try {
      await (opts.gate?.() ?? new Promise((r) => setTimeout(r, 5)));
      if (opts.failWhen?.(rows)) throw new Error('insert failed');
      return {
        ids: rows.map((r) => {
          if (table.has(r.scan.eventId)) return null;
          const id = String(table.size + 1);
          table.set(r.scan.eventId, id);
          return id;
        }),
      };
    } finally {
      active--;
    }
  };
  return { store, table, calls, maxActive: () => maxActive };
}

describe('CourierEventBatcher (group commit of webhook scans)', () => {
  it('stores concurrent requests with one call and answers each with its own ids', async () => {
    const f = fakeStore();
    const b = new CourierEventBatcher(f.store, { maxRows: 500, maxInFlight: 1 });
    const [a, c] = await Promise.all([b.submit([scan('a1'), scan('a2')]), b.submit([scan('c1')])]);
    expect(f.calls).toEqual([['a1', 'a2', 'c1']]);
    expect(a).toEqual({ ids: ['1', '2'], duplicates: 0 });
    expect(c).toEqual({ ids: ['3'], duplicates: 0 });
  });

  it('an event sent twice in one batch is stored once; the later request sees a duplicate', async () => {
    const f = fakeStore();
    const b = new CourierEventBatcher(f.store, { maxRows: 500, maxInFlight: 1 });
    const [first, again, inner] = await Promise.all([b.submit([scan('x')]), b.submit([scan('x')]), b.submit([scan('y'), scan('y')])]);
    expect(f.calls).toEqual([['x', 'y']]);
    expect(first).toEqual({ ids: ['1'], duplicates: 0 });
    expect(again).toEqual({ ids: [], duplicates: 1 });
    expect(inner).toEqual({ ids: ['2'], duplicates: 1 });
    // Already stored earlier: a duplicate without effect.
    expect(await b.submit([scan('x')])).toEqual({ ids: [], duplicates: 1 });
  });

  it('a failed batch is retried request by request: only the unstorable request fails, and nothing is answered unstored', async () => {
    const f = fakeStore({ failWhen: (rows) => rows.some((r) => r.scan.eventId === 'poison') });
    const b = new CourierEventBatcher(f.store, { maxRows: 500, maxInFlight: 1 });
    const results = await Promise.allSettled([b.submit([scan('ok1')]), b.submit([scan('poison'), scan('ok2')]), b.submit([scan('ok3')])]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { ids: [expect.any(String)], duplicates: 0 } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('insert failed') });
    expect(results[2]).toEqual({ status: 'fulfilled', value: { ids: [expect.any(String)], duplicates: 0 } });
    expect([...f.table.keys()].sort()).toEqual(['ok1', 'ok3']);
    expect(f.calls[0]).toEqual(['ok1', 'poison', 'ok2', 'ok3']);
  });

  it('bounds batches in flight and rows per batch; newcomers wait for the next batch', async () => {
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const f = fakeStore({ gate: () => gate });
    const b = new CourierEventBatcher(f.store, { maxRows: 3, maxInFlight: 2 });
    const pending = [b.submit([scan('a')]), b.submit([scan('b')])];
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    // Both waiting requests went in one batch (one slot used); the next ones fill the second slot, 3 rows at most.
    pending.push(b.submit([scan('c'), scan('d')]), b.submit([scan('e')]), b.submit([scan('f')]), b.submit([scan('g')]));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(f.calls).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    expect(b.backlog).toBe(2);
    const open = gate;
    gate = Promise.resolve();
    release();
    await open;
    await Promise.all(pending);
    expect(f.calls.slice(2)).toEqual([['f', 'g']]);
    expect(f.maxActive()).toBe(2);
    expect(f.table.size).toBe(7);
  });

  it('answers once the rows are stored, before the follow-up (queueing) finishes, which still holds the slot', async () => {
    let finishQueueing!: () => void;
    const queued = new Promise<void>((r) => (finishQueueing = r));
    const calls: string[][] = [];
    const b = new CourierEventBatcher(
      async (rows) => {
        calls.push(rows.map((r) => r.scan.eventId));
        return { ids: rows.map((_, i) => String(calls.length * 10 + i)), followUp: calls.length === 1 ? queued : undefined };
      },
      { maxRows: 500, maxInFlight: 1 },
    );
    expect(await b.submit([scan('a')])).toEqual({ ids: ['10'], duplicates: 0 });
    const next = b.submit([scan('b')]);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([['a']]);
    finishQueueing();
    expect(await next).toEqual({ ids: ['20'], duplicates: 0 });
  });
});
