import { isTicketQuery, showsTicket } from './live-query-keys';

const id = '0b7c3c1e-8d5e-4c59-9d3f-2f4a3c0e9a11';
const other = '5f1d2e3c-0000-4000-8000-000000000000';

describe('showsTicket', () => {
  it('matches the lists, the ticket and its page queries', () => {
    expect(showsTicket(['tickets', 'getList', { filter: {} }], id)).toBe(true);
    expect(showsTicket(['tickets', 'getOne', { id }], id)).toBe(true);
    expect(showsTicket([`tickets/${id}/messages`, 'getList', {}], id)).toBe(true);
    expect(showsTicket(['tickets', 'sla', id], id)).toBe(true);
  });

  it('leaves other tickets and other resources alone', () => {
    expect(showsTicket(['tickets', 'getOne', { id: other }], id)).toBe(false);
    expect(showsTicket([`tickets/${other}/messages`, 'getList', {}], id)).toBe(false);
    expect(showsTicket(['tickets', 'sla', other], id)).toBe(false);
    expect(showsTicket(['users', 'getList', {}], id)).toBe(false);
    expect(showsTicket(['live', 'presence', id], id)).toBe(false);
  });

  it('treats every ticket query as stale after a reconnect', () => {
    expect(isTicketQuery([`tickets/${other}/events`])).toBe(true);
    expect(isTicketQuery(['notifications'])).toBe(false);
  });
});
