import { DemoSeedService } from './demo-seed.service';
import { factoryContext, testQuery } from '@shopdesk/testing/factories';
import { DEMO_TICKETS } from './demo-tickets';

describe('demo seed', () => {
  it('creates demo users and the 50 scenario tickets once, through the audited services', async () => {
    // The seed only fills an empty tickets table; TRUNCATE bypasses the audit log's row trigger.
    await testQuery(`TRUNCATE tickets, ticket_events, ticket_messages, ticket_event_projections, ticket_stats_daily CASCADE`);
    const seed = (await factoryContext()).get(DemoSeedService);
    const first = await seed.run(new Date('2026-11-21T12:00:00+09:00'));
    expect(first.ticketsCreated).toBe(DEMO_TICKETS.length);
    const second = await seed.run();
    expect(second).toMatchObject({ usersCreated: 0, ticketsCreated: 0 });

    const byStatus = await testQuery<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM tickets GROUP BY status`,
    );
    const expected: Record<string, number> = {};
    for (const t of DEMO_TICKETS) expected[t.status] = (expected[t.status] ?? 0) + 1;
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual(expected);

    const roles = await testQuery<{ role: string }>(`SELECT role FROM users WHERE email IN ('agent@shopdesk.test','lead@shopdesk.test','admin@shopdesk.test') ORDER BY role`);
    expect(roles.map((r) => r.role)).toEqual(['agent', 'lead', 'admin']); // enum order
    const [{ orphans }] = await testQuery<{ orphans: number }>(
      `SELECT count(*)::int AS orphans FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'created')`,
    );
    expect(orphans).toBe(0);
    const [{ closed_without_resolution }] = await testQuery<{ closed_without_resolution: number }>(
      `SELECT count(*)::int AS closed_without_resolution FROM tickets WHERE status = 'closed' AND (resolved_at IS NULL OR closed_at IS NULL)`,
    );
    expect(closed_without_resolution).toBe(0);
  });
});
