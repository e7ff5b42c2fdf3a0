import { TICKET_STATUSES, TICKET_TRANSITIONS } from '@shopdesk/contracts/tickets';
import { DomainError } from '../core/errors/domain-error';
import { planStatusChange } from './ticket-lifecycle';

const none = { resolvedAt: null, closedAt: null };
const at = new Date('2026-11-21T10:00:00+09:00');

describe('planStatusChange', () => {
  it('follows new → open → pending → resolved → closed', () => {
    expect(planStatusChange('new', 'open', none, at)).toEqual(none);
    expect(planStatusChange('open', 'pending_courier', none, at)).toEqual(none);
    expect(planStatusChange('pending_courier', 'resolved', none, at)).toEqual({ resolvedAt: at, closedAt: null });
    const resolvedAt = new Date('2026-11-20T10:00:00+09:00');
    expect(planStatusChange('resolved', 'closed', { resolvedAt, closedAt: null }, at)).toEqual({
      resolvedAt,
      closedAt: at,
    });
  });

  it('reopens a resolved ticket and clears the resolution time', () => {
    expect(planStatusChange('resolved', 'open', { resolvedAt: at, closedAt: null }, at)).toEqual(none);
  });

  it.each([
    ['closed', 'open'],
    ['resolved', 'pending_customer'],
    ['open', 'new'],
    ['open', 'closed'],
    ['new', 'closed'],
  ] as const)('rejects %s → %s with a 409 code naming both states', (from, to) => {
    try {
      planStatusChange(from, to, none, at);
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('ILLEGAL_STATUS_TRANSITION');
      expect((e as DomainError).message).toContain(`from ${from} to ${to}`);
    }
  });

  it('never allows leaving closed, and never returns to new', () => {
    expect(TICKET_TRANSITIONS.closed).toEqual([]);
    for (const s of TICKET_STATUSES) expect(TICKET_TRANSITIONS[s]).not.toContain('new');
  });
});
