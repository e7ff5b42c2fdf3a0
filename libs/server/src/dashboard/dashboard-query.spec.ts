import { daysBetween, kstToday, parseDashboardQuery } from './dashboard-query';

const errorsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { errors?: Record<string, string> }).errors;
  }
  throw new Error('expected a failure');
};

describe('parseDashboardQuery', () => {
  // 2026-11-21 23:30 UTC is already 2026-11-22 in Seoul.
  const now = Date.parse('2026-11-21T23:30:00Z');

  it('defaults to the last 30 KST days', () => {
    expect(new Date(kstToday(now)).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(parseDashboardQuery({}, now)).toEqual({ from: '2026-10-24', to: '2026-11-22', type: null });
  });

  it('accepts a range and a type', () => {
    expect(parseDashboardQuery({ from: '2026-01-01', to: '2026-12-31', type: 'refund' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      type: 'refund',
    });
  });

  it('names the bad parameter', () => {
    expect(errorsOf(() => parseDashboardQuery({ from: '2026-02-30' }, now))).toHaveProperty('from');
    expect(errorsOf(() => parseDashboardQuery({ to: 'yesterday' }, now))).toHaveProperty('to');
    expect(errorsOf(() => parseDashboardQuery({ from: '2026-05-02', to: '2026-05-01' }, now))).toHaveProperty('from');
    expect(errorsOf(() => parseDashboardQuery({ from: '2024-01-01', to: '2026-01-01' }, now))).toHaveProperty('to');
    expect(errorsOf(() => parseDashboardQuery({ type: 'lost' }, now))).toHaveProperty('type');
    expect(errorsOf(() => parseDashboardQuery({ type: ['refund', 'refund'] }, now))).toHaveProperty('type');
  });

  it('lists the days inclusively', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
