import { DomainError } from '../errors/domain-error';
import { contentRange, parseListQuery } from './list-query';

const spec = {
  sortFields: ['createdAt', 'reference'] as const,
  defaultSort: { field: 'createdAt' as const, order: 'DESC' as const },
  filters: {
    q: { kind: 'text' as const },
    status: { kind: 'enum' as const, values: ['new', 'open'], multiple: true },
    id: { kind: 'uuid' as const, multiple: true },
    assigneeId: { kind: 'uuid' as const, nullable: true },
    createdAt_gte: { kind: 'datetime' as const },
  },
};

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseListQuery', () => {
  it('applies defaults', () => {
    expect(parseListQuery({}, spec)).toEqual({
      sort: { field: 'createdAt', order: 'DESC' },
      offset: 0,
      limit: 25,
      filter: {},
    });
  });

  it('parses sort, range and filter', () => {
    const id = '7d9f1c3e-2b4a-4c6d-8e0f-1a2b3c4d5e6f';
    const q = parseListQuery(
      {
        sort: '["reference","asc"]',
        range: '[10,19]',
        filter: JSON.stringify({ q: ' 환불 ', status: ['new', 'open'], id: [id], assigneeId: null }),
      },
      spec,
    );
    expect(q.sort).toEqual({ field: 'reference', order: 'ASC' });
    expect(q.offset).toBe(10);
    expect(q.limit).toBe(10);
    expect(q.filter).toEqual({ q: '환불', status: ['new', 'open'], id: [id], assigneeId: null });
  });

  it.each([
    ['sort', { sort: '["password","ASC"]' }, /cannot sort by "password"/],
    ['sort', { sort: '["createdAt; DROP TABLE tickets","ASC"]' }, /cannot sort by/],
    ['sort', { sort: '["createdAt","SIDEWAYS"]' }, /ASC or DESC/],
    ['sort', { sort: 'not json' }, /not valid JSON/],
    ['range', { range: '[5,1]' }, /start ≤ end/],
    ['range', { range: '[0,100000]' }, /at most 200/],
    ['filter', { filter: '{"nope":1}' }, /unknown filter field "nope"/],
    ['filter', { filter: '[1]' }, /JSON object/],
    ['filter.status', { filter: '{"status":"open\' OR 1=1 --"}' }, /is not one of/],
    ['filter.id', { filter: '{"id":["1 OR 1=1"]}' }, /is not a uuid/],
    ['filter.createdAt_gte', { filter: '{"createdAt_gte":"yesterday"}' }, /ISO date/],
    ['filter.q', { filter: '{"q":{"$ne":1}}' }, /must be a string/],
  ])('rejects a bad %s with a message naming it', (param, raw, message) => {
    const err = errorOf(() => parseListQuery(raw, spec));
    expect(err.code).toBe('INVALID_LIST_QUERY');
    expect(Object.keys(err.errors ?? {})).toEqual([param]);
    expect(err.message).toMatch(message);
  });

  it('rejects repeated parameters (arrays from the query parser)', () => {
    expect(errorOf(() => parseListQuery({ sort: ['a', 'b'] }, spec)).errors).toHaveProperty('sort');
  });
});

describe('contentRange', () => {
  it('formats the header react-admin reads', () => {
    expect(contentRange('tickets', 0, 10, 57)).toBe('tickets 0-9/57');
    expect(contentRange('tickets', 20, 0, 20)).toBe('tickets 20-20/20');
  });
});
