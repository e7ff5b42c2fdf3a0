import { DomainError } from '../errors/domain-error';

// Parses react-admin's simple-rest list contract (`sort`, `range`, `filter` as JSON strings)
// once, against per-resource allowlists. Anything outside the allowlist is a 400 that names
// the parameter, so user input never reaches ORDER BY or WHERE unchecked.

export type FilterSpec =
  | { kind: 'enum'; values: readonly string[]; multiple?: boolean }
  | { kind: 'uuid'; multiple?: boolean; nullable?: boolean }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'datetime' }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number };

export interface ListQuerySpec<S extends string, F extends string> {
  sortFields: readonly S[];
  defaultSort: { field: S; order: 'ASC' | 'DESC' };
  filters: Record<F, FilterSpec>;
  maxPageSize?: number;
}

export type FilterValue = string | string[] | boolean | number | null | Date;

export interface ListQuery<S extends string, F extends string> {
  sort: { field: S; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: Partial<Record<F, FilterValue>>;
}

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(param: string, detail: string): never {
  throw new DomainError(
    'INVALID_LIST_QUERY',
    `목록 조회 조건이 올바르지 않습니다 (${param}). / Invalid list query parameter "${param}": ${detail}`,
    { [param]: detail },
  );
}

function parseJson(param: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') fail(param, 'must be given once, as a JSON string');
  try {
    return JSON.parse(raw);
  } catch {
    return fail(param, 'is not valid JSON');
  }
}

export function parseListQuery<S extends string, F extends string>(
  raw: RawListQuery,
  spec: ListQuerySpec<S, F>,
): ListQuery<S, F> {
  const maxPageSize = spec.maxPageSize ?? 200;

  let sort = spec.defaultSort;
  const sortRaw = parseJson('sort', raw.sort);
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2) fail('sort', 'expected ["field","ASC|DESC"]');
    const [field, order] = sortRaw as unknown[];
    if (typeof field !== 'string' || !(spec.sortFields as readonly string[]).includes(field)) {
      fail('sort', `cannot sort by ${JSON.stringify(field)}; allowed: ${spec.sortFields.join(', ')}`);
    }
    const o = typeof order === 'string' ? order.toUpperCase() : order;
    if (o !== 'ASC' && o !== 'DESC') fail('sort', 'order must be ASC or DESC');
    sort = { field: field as S, order: o };
  }

  let offset = 0;
  let limit = 25;
  const rangeRaw = parseJson('range', raw.range);
  if (rangeRaw !== undefined) {
    if (
      !Array.isArray(rangeRaw) ||
      rangeRaw.length !== 2 ||
      !rangeRaw.every((n) => Number.isInteger(n) && n >= 0) ||
      rangeRaw[1] < rangeRaw[0]
    ) {
      fail('range', 'expected [start,end] with integers 0 ≤ start ≤ end');
    }
    const [start, end] = rangeRaw as number[];
    if (end - start + 1 > maxPageSize) fail('range', `at most ${maxPageSize} rows per page`);
    offset = start;
    limit = end - start + 1;
  }

  const filter: Partial<Record<F, FilterValue>> = {};
  const filterRaw = parseJson('filter', raw.filter);
  if (filterRaw !== undefined) {
    if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
      fail('filter', 'expected a JSON object');
    }
    for (const [key, value] of Object.entries(filterRaw as Record<string, unknown>)) {
      const fieldSpec = (spec.filters as Record<string, FilterSpec | undefined>)[key];
      if (!Object.prototype.hasOwnProperty.call(spec.filters, key) || !fieldSpec) {
        fail('filter', `unknown filter field ${JSON.stringify(key)}; allowed: ${Object.keys(spec.filters).join(', ')}`);
      }
      const parsed = parseFilterValue(key, value, fieldSpec);
      if (parsed !== undefined) filter[key as F] = parsed;
    }
  }
  return { sort, offset, limit, filter };
}

function parseFilterValue(key: string, value: unknown, spec: FilterSpec): FilterValue | undefined {
  const param = `filter.${key}`;
  switch (spec.kind) {
    case 'text': {
      if (typeof value !== 'string') fail(param, 'must be a string');
      const max = spec.maxLength ?? 200;
      if (value.length > max) fail(param, `at most ${max} characters`);
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }
    case 'enum': {
      const list = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && !spec.multiple) fail(param, 'takes a single value');
      if (list.length === 0) return undefined;
      for (const v of list) {
        if (typeof v !== 'string' || !spec.values.includes(v)) {
          fail(param, `${JSON.stringify(v)} is not one of ${spec.values.join(', ')}`);
        }
      }
      return Array.isArray(value) ? (list as string[]) : (value as string);
    }
    case 'uuid': {
      if (value === null) {
        if (!spec.nullable) fail(param, 'cannot be null');
        return null;
      }
      const list = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && !spec.multiple) fail(param, 'takes a single value');
      if (list.length > 1000) fail(param, 'at most 1000 ids');
      for (const v of list) {
        if (typeof v !== 'string' || !UUID.test(v)) fail(param, `${JSON.stringify(v)} is not a uuid`);
      }
      return Array.isArray(value) ? (list as string[]) : (value as string);
    }
    case 'datetime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail(param, 'must be an ISO date or date-time');
      return new Date(value);
    }
    case 'boolean': {
      if (typeof value !== 'boolean') fail(param, 'must be true or false');
      return value;
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < spec.min || n > spec.max) {
        fail(param, `must be a whole number from ${spec.min} to ${spec.max}`);
      }
      return n;
    }
  }
}

/** `Content-Range: <resource> <start>-<end>/<total>` as ra-data-simple-rest reads it. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const end = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${end}/${total}`;
}
