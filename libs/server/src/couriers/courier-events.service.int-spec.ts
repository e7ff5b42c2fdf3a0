// Applying stored courier events in batches: per shipment in occurred-at order whatever the order
// they were stored in, never backwards, idempotent, and the ticket automation once per status change.
import { createTicket, factoryContext, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { CourierEventsService } from './courier-events.service';

let seq = 0;
const waybillOf = (prefix: string) => `${prefix}${Date.now()}${seq++}`.slice(0, 14);

/** Stores one event as the intake does; returns its id. */
async function store(e: { courier?: string; waybill: string; status: string; at: string; eventId?: string }): Promise<string> {
  const [row] = await testQuery<{ id: string }>(
    `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, location, description, expected_delivery, raw)
     VALUES ('generic', $1, $2, $3, $4, $4, $5, '대전 HUB', NULL, NULL, '{}') RETURNING id`,
    [e.eventId ?? `t-${Date.now()}-${seq++}`, e.courier ?? '04', e.waybill, e.status, e.at],
  );
  return String(row.id);
}

const service = async () => (await factoryContext()).get(CourierEventsService);

describe('CourierEventsService.applyMany (int)', () => {
  beforeAll(() => seedTemplates());

  it('applies a batch per shipment in occurred-at order, whatever order the events were stored in', async () => {
    const w1 = waybillOf('71');
    const w2 = waybillOf('72');
    const ids = [
      await store({ waybill: w1, status: 'delivered', at: '2026-11-21T12:00:00+09:00' }),
      await store({ waybill: w2, status: 'in_transit', at: '2026-11-21T08:00:00+09:00' }),
      await store({ waybill: w1, status: 'in_transit', at: '2026-11-21T08:00:00+09:00' }),
      await store({ waybill: w1, status: 'out_for_delivery', at: '2026-11-21T10:00:00+09:00' }),
    ];
    const outcomes = await (await service()).applyMany(ids);
    expect([...outcomes.values()]).toEqual(['applied', 'applied', 'applied', 'applied']);
    const shipments = await testQuery<{ waybill: string; status: string; last_event_at: Date }>(
      `SELECT waybill, status, last_event_at FROM shipments WHERE waybill = ANY($1) ORDER BY waybill`,
      [[w1, w2]],
    );
    expect(shipments.map((s) => [s.waybill, s.status])).toEqual([
      [w1, 'delivered'],
      [w2, 'in_transit'],
    ]);
    expect(new Date(shipments[0].last_event_at).toISOString()).toBe('2026-11-21T03:00:00.000Z');
    const events = await testQuery<{ id: string; shipment_id: string | null; applied_at: Date | null }>(
      `SELECT id, shipment_id, applied_at FROM courier_events WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    expect(events.every((e) => e.shipment_id && e.applied_at)).toBe(true);

    // Again: nothing happens twice.
    const again = await (await service()).applyMany(ids);
    expect([...again.values()]).toEqual(['already_applied', 'already_applied', 'already_applied', 'already_applied']);
    expect(await (await service()).apply('999999999999')).toBe('missing');
  });

  it('an older scan in a later batch is kept in history as out_of_order and never moves the status back', async () => {
    const w = waybillOf('73');
    const newer = await store({ waybill: w, status: 'delivered', at: '2026-11-21T12:00:00+09:00' });
    expect(await (await service()).apply(newer)).toBe('applied');
    const older = await store({ waybill: w, status: 'in_transit', at: '2026-11-21T09:00:00+09:00' });
    const same = await store({ waybill: w, status: 'delivered', at: '2026-11-21T12:00:00+09:00' });
    const outcomes = await (await service()).applyMany([older, same]);
    expect(outcomes.get(older)).toBe('out_of_order');
    expect(outcomes.get(same)).toBe('applied');
    const [s] = await testQuery<{ status: string }>(`SELECT status FROM shipments WHERE waybill = $1`, [w]);
    expect(s.status).toBe('delivered');
  });

  it('drives the waiting ticket once per status change, and a batch of troubles opens one proactive ticket', async () => {
    const w = waybillOf('74');
    const t = await createTicket({ shipment: { courierCode: '04', waybillNumber: w }, status: 'pending_courier' });
    const ids = [
      await store({ waybill: w, status: 'delivered', at: '2026-11-21T12:00:00+09:00' }),
      await store({ waybill: w, status: 'out_for_delivery', at: '2026-11-21T09:00:00+09:00' }),
    ];
    await (await service()).applyMany(ids);
    const [after] = await testQuery<{ status: string; tags: string[] }>(`SELECT status, tags FROM tickets WHERE id = $1`, [t.id]);
    expect(after.status).toBe('open');
    expect(after.tags).toContain('courier_delivered');
    const updates = await testQuery<{ after: { shipmentStatus: string } }>(
      `SELECT after FROM ticket_events WHERE ticket_id = $1 AND kind = 'courier_update' ORDER BY id`,
      [t.id],
    );
    expect(updates.map((u) => u.after.shipmentStatus)).toEqual(['out_for_delivery', 'delivered']);

    const lost = waybillOf('75');
    await (await service()).applyMany([
      await store({ waybill: lost, status: 'lost', at: '2026-11-21T09:00:00+09:00' }),
      await store({ waybill: lost, status: 'returned_to_sender', at: '2026-11-21T10:00:00+09:00' }),
    ]);
    const proactive = await testQuery<{ id: string; channel: string }>(`SELECT id, channel FROM tickets WHERE waybill_number = $1`, [lost]);
    expect(proactive).toHaveLength(1);
    expect(proactive[0].channel).toBe('courier');
    const [{ n }] = await testQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND kind = 'courier_update'`,
      [proactive[0].id],
    );
    expect(n).toBe(2);
  });

  it('concurrent batches sharing shipments neither deadlock nor apply anything twice', async () => {
    const waybills = [waybillOf('76'), waybillOf('77'), waybillOf('78')];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await store({ waybill: waybills[i % 3], status: i < 9 ? 'in_transit' : 'delivered', at: new Date(Date.UTC(2026, 10, 21, i)).toISOString() }));
    }
    const svc = await service();
    const results = await Promise.all([svc.applyMany(ids), svc.applyMany([...ids].reverse()), svc.applyMany(ids.slice(3, 9))]);
    const applied = results.flatMap((r) => [...r.values()]).filter((o) => o === 'applied' || o === 'out_of_order');
    expect(applied).toHaveLength(12);
    const rows = await testQuery<{ status: string }>(`SELECT status FROM shipments WHERE waybill = ANY($1)`, [waybills]);
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });
});
