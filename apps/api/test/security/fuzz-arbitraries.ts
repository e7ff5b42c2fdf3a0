import fc from 'fast-check';

// Hostile input for the API fuzzer: values that break naive code (NUL, lone surrogates, RTL
// overrides, huge strings, numbers JSON cannot round-trip), bodies derived from the routes' own
// schemas (OpenAPI from the Nest DTOs, JSON Schema from the zod contracts) and mutations of valid
// samples (a field dropped, retyped, replaced by something hostile, or an unknown field added).

export const HUGE = 100 * 1024;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'abc\u0000def',
  '\u202Eevil.exe\u202Cgnp.',
  '😀👍🏽👨‍👩‍👧‍👦',
  '\uD800',
  'x\uDC00y',
  'ᄀᄁᄂ',
  'ㅏㅑㅓ',
  '한\u0301\u0302\u0303\u0304글',
  'e' + '\u0301'.repeat(500),
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  "1'; SELECT pg_sleep(5); --",
  '%',
  '_%_\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{statusUrl}}',
  '${7*7}',
  '../../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e400',
  '9999999999999999999999',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  'SD-000000',
  'SD-' + '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '\r\nX-Injected: 1',
  '\t\n\v\f',
  '\uFEFF',
  '\uFFFF',
  'ASC',
  'relevance',
];

const NASTY_NUMBERS = [0, -0, -1, 1, 0.5, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 2 ** 63, 1e21, -1e21, 1e308, -1e308, Number.MIN_VALUE];

export const nastyString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('a', '가', '😀', '\u0000', '<').map((c) => c.repeat(Math.ceil(HUGE / c.length))) },
);

/** For URLs: Node answers 431 by itself past 16 KB of headers, so huge values go in bodies only. */
export const shortNastyString = nastyString.filter((s) => s.length <= 300);

export const nastyNumber = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, hostile leaves included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(nastyString, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** JSON values small enough for a query string. */
const shortNastyValue: fc.Arbitrary<unknown> = fc.oneof(
  shortNastyString,
  nastyNumber,
  fc.constantFrom(null, true, false),
  fc.array(fc.oneof(shortNastyString, nastyNumber), { maxLength: 3 }),
  fc.dictionary(shortNastyString, fc.oneof(shortNastyString, nastyNumber), { maxKeys: 2 }),
);

/** `[[[…]]]` or `{"a":{"a":…}}` as raw JSON text, `depth` levels. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Raw bodies JSON.stringify cannot produce: bad syntax, NaN/Infinity, depth 1000, odd content types. */
export const rawBody = fc.oneof(
  fc.constantFrom(
    { contentType: 'application/json', text: deepJson(1000, 'array') },
    { contentType: 'application/json', text: deepJson(1000, 'object') },
    { contentType: 'application/json', text: '{"amount": NaN}' },
    { contentType: 'application/json', text: '{"amount": 1e400, "qty": -1e400}' },
    { contentType: 'application/json', text: '{"a":' },
    { contentType: 'application/json', text: 'null' },
    { contentType: 'application/json', text: '"just a string"' },
    { contentType: 'application/json', text: '[]' },
    { contentType: 'application/json', text: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}' },
    { contentType: 'application/json', text: '\uFEFF{}' },
    { contentType: 'application/json; charset=utf-16', text: '{}' },
    { contentType: 'text/plain', text: 'hello' },
    { contentType: 'application/x-www-form-urlencoded', text: 'a[b][c][d][e][f][g][h][i][j][k]=1&' + 'x[]=1&'.repeat(200) },
    { contentType: 'application/x-www-form-urlencoded', text: 'status=open&status=closed&tags[0]=a&tags[99999]=b' },
    { contentType: 'application/xml', text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    { contentType: 'multipart/form-data; boundary=x', text: '--x\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{not json}\r\n--x--\r\n' },
    { contentType: 'multipart/form-data; boundary=x', text: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nxx' },
  ),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ contentType: 'application/json', text })),
);

// ---- JSON Schema (OpenAPI 3 / zod's toJSONSchema) → arbitrary ----

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
};

/** Mostly valid values of `schema` (so validation passes and deeper code runs), now and then hostile. */
export function fromSchema(schema: JsonSchema, defs: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    const target = defs[name];
    return target ? fromSchema(target, defs, depth + 1) : nastyValue;
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, defs, depth + 1)));
  if (schema.allOf?.length) return fromSchema(Object.assign({}, ...schema.allOf), defs, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const valid = validOf(schema, type, defs, depth);
  const maybeNull = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'));
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 1, arbitrary: nastyValue },
    { weight: maybeNull ? 1 : 0, arbitrary: fc.constant(null) },
  );
}

function validOf(schema: JsonSchema, type: string | undefined, defs: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, defs, depth + 1) : nastyValue, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fromSchema(s, defs, depth + 1)]));
      if (!Object.keys(model).length) return fc.dictionary(fc.string({ maxLength: 10 }), nastyValue, { maxKeys: 3 });
      return fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
    }
    default:
      return nastyValue;
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 60, 200);
  const min = Math.min(schema.minLength ?? 0, max);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      // Never a real address: created accounts are removed after the run by this domain.
      return fc.stringMatching(/^[a-z0-9]{1,12}$/).map((l) => `${l}@${FUZZ_EMAIL_DOMAIN}`);
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= Math.max(max, 200));
    } catch {
      /* a pattern fast-check cannot invert: fall through */
    }
  }
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
}

export const FUZZ_EMAIL_DOMAIN = 'fuzz.shopdesk.test';

// ---- mutations of a valid sample ----

/** A sample with one change: a field dropped, retyped, made hostile, or an unknown field added. */
export function mutated(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = leafPaths(sample);
  const path = paths.length ? fc.constantFrom(...paths) : fc.constant<string[]>([]);
  return fc.oneof(
    fc.tuple(path, nastyValue).map(([p, v]) => setAt(sample, p, v)),
    path.map((p) => setAt(sample, p, undefined)),
    fc.tuple(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'isAdmin')), nastyValue).map(([k, v]) => ({ ...structuredClone(sample), [k]: v })),
    fc.constant(sample),
  );
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, v] of Object.entries(value)) out.push(...leafPaths(v, [...prefix, k]));
  return out;
}

function setAt(sample: Record<string, unknown>, path: string[], v: unknown): unknown {
  if (!path.length) return v;
  const copy = structuredClone(sample) as Record<string, unknown>;
  let node = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (v === undefined) delete node[last];
  else node[last] = v;
  return copy;
}

// ---- query strings ----

/** react-admin list parameters (`sort`, `range`, `filter` as JSON) with fields from anywhere, plus junk. */
export function listQuery(knownFilters: string[], knownSorts: string[]): fc.Arbitrary<Record<string, unknown>> {
  const field = fc.oneof(fc.constantFrom(...knownFilters, ...knownSorts, 'password_hash', 'id; DROP TABLE tickets', 'createdAt_gte'), shortNastyString);
  const sort = fc.oneof(
    fc.tuple(field, fc.constantFrom('ASC', 'DESC', 'asc', 'sideways', '')).map((t) => JSON.stringify(t)),
    shortNastyString,
  );
  const range = fc.oneof(
    fc.tuple(fc.oneof(fc.nat(100), nastyNumber), fc.oneof(fc.nat(300), nastyNumber)).map((t) => JSON.stringify(t)),
    shortNastyString,
  );
  const filter = fc.oneof(
    fc.dictionary(field, shortNastyValue, { maxKeys: 3 }).map((f) => JSON.stringify(f)),
    shortNastyString,
  );
  return fc.record(
    { sort, range, filter, q: shortNastyString, from: shortNastyString, to: shortNastyString, type: shortNastyString, [`x${'y'.repeat(3)}`]: shortNastyString },
    { requiredKeys: [] },
  );
}

/** A path parameter: mostly hostile, sometimes well-formed but unknown. */
export const pathParam = fc.oneof(
  { weight: 3, arbitrary: shortNastyString.filter((s) => s.length > 0 && s.length < 2000) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'null', 'undefined', '..', '%2e%2e', 'export.csv') },
);
