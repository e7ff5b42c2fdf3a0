import { createHmac } from 'node:crypto';
import {
  aftershipPayload,
  genericBatchPayload,
  mergeFixture,
  signAftership,
  signGeneric,
  sweetTrackerFormBody,
} from './fixtures';
import { isDateOnly, normalizeWaybill, parseCourierTime, parseIsoWithOffset, toDateOnly } from './parsing';
import { adapterFor } from './provider';
import {
  checkIpAllowlist,
  headerValue,
  ipAllowed,
  macEquals,
  normalizeIp,
  parseGenericSignatureHeader,
} from './signatures';

describe('signing helpers (fixtures)', () => {
  const body = Buffer.from('{"event":"tracking_update"}');

  it('signAftership is base64 HMAC-SHA256 of the raw body', () => {
    const expected = createHmac('sha256', 'k').update(body).digest('base64');
    expect(signAftership(body, 'k')).toBe(expected);
    expect(signAftership(body.toString('utf8'), 'k')).toBe(expected);
  });

  it('signGeneric is "t=<t>,v1=<hex hmac of t.body>" and takes a Date too', () => {
    const hex = createHmac('sha256', 'k').update(`1795237620.${body.toString('utf8')}`).digest('hex');
    expect(signGeneric(body, 'k', 1795237620)).toBe(`t=1795237620,v1=${hex}`);
    expect(signGeneric(body, 'k', new Date('2026-11-21T05:07:00.900Z'))).toBe(`t=1795237620,v1=${hex}`);
  });

  it('parses what signGeneric writes', () => {
    const parsed = parseGenericSignatureHeader(signGeneric(body, 'k', 1795237620));
    expect(parsed?.t).toBe(1795237620);
    expect(parsed?.v1).toHaveLength(1);
  });
});

describe('fixture builders', () => {
  it('merge deeply, replace arrays, and delete keys set to undefined', () => {
    const base = { a: 1, b: { c: 2, d: [1, 2] }, e: 'x' };
    expect(mergeFixture(base, { b: { d: [9] }, e: undefined, f: true })).toEqual({ a: 1, b: { c: 2, d: [9] }, f: true });
    expect(base).toEqual({ a: 1, b: { c: 2, d: [1, 2] }, e: 'x' });
  });

  it('never share state between calls', () => {
    const a = aftershipPayload();
    a.msg.checkpoints.pop();
    expect(aftershipPayload().msg.checkpoints).toHaveLength(3);
  });

  it('build payloads every adapter accepts', () => {
    expect(adapterFor('aftership').parse(Buffer.from(JSON.stringify(aftershipPayload())))).toHaveLength(1);
    expect(adapterFor('generic').parse(Buffer.from(JSON.stringify(genericBatchPayload([{}, { id: 'b' }]))))).toHaveLength(2);
    expect(sweetTrackerFormBody({ a: '서울 1', b: 2, c: null })).toBe('a=%EC%84%9C%EC%9A%B8+1&b=2');
  });

  it('use example.com for anything that looks like a web address', () => {
    const text = JSON.stringify([aftershipPayload(), genericBatchPayload([{}])]);
    for (const url of text.match(/https?:\/\/[^"\s]+/g) ?? []) expect(new URL(url).hostname).toMatch(/(^|\.)example\.com$/);
  });
});

describe('header and IP helpers', () => {
  it('looks headers up case-insensitively', () => {
    expect(headerValue({ 'X-Signature': 'a' }, 'x-signature')).toBe('a');
    expect(headerValue({ 'x-signature': undefined, 'X-SIGNATURE': 'b' }, 'x-signature')).toBe('b');
    expect(headerValue({}, 'x-signature')).toBeUndefined();
  });

  it('compares MACs only when lengths match', () => {
    expect(macEquals(Buffer.from('abcd'), Buffer.from('abcd'))).toBe(true);
    expect(macEquals(Buffer.from('abcd'), Buffer.from('abc'))).toBe(false);
  });

  it('normalises addresses', () => {
    expect(normalizeIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normalizeIp('10.1.2')).toBeNull();
    expect(normalizeIp(undefined)).toBeNull();
  });

  it('matches exact addresses and CIDR ranges', () => {
    expect(ipAllowed('10.1.2.3', ['10.1.0.0/16'])).toBe(true);
    expect(ipAllowed('10.2.0.1', ['10.1.0.0/16'])).toBe(false);
    expect(ipAllowed('2001:db8::5', ['2001:db8::5'])).toBe(true);
    expect(ipAllowed('10.1.2.3', ['10.1.2.3/32/1'])).toBe(false);
  });

  it('skips the allowlist check when none is configured', () => {
    expect(() => checkIpAllowlist({ ip: undefined, allowedIps: undefined })).not.toThrow();
    expect(() => checkIpAllowlist({ ip: undefined, allowedIps: [] })).not.toThrow();
  });
});

describe('time and field parsing', () => {
  const kst = (wall: string) => new Date(`${wall}+09:00`);

  it('reads wall times as KST unless they carry an offset', () => {
    expect(parseCourierTime('2026-11-21 14:05:00')).toEqual(kst('2026-11-21T14:05:00'));
    expect(parseCourierTime('2026-11-21T14:05:00.5')).toEqual(new Date('2026-11-21T05:05:00.500Z'));
    expect(parseCourierTime('2026-11-21T14:05:00+0000')).toEqual(new Date('2026-11-21T14:05:00Z'));
    expect(parseCourierTime('2026-11-21T14:05:00-05:00')).toEqual(new Date('2026-11-21T19:05:00Z'));
    expect(parseCourierTime('2026-11-21 14:05:00', 0)).toEqual(new Date('2026-11-21T14:05:00Z'));
  });

  it('rejects things that are not times', () => {
    const bad = ['', 'today', '2026-11-21 24:00:00', '2026-02-29 10:00:00', '2026-11-21T10:00:00+25:00', 0, -5, {}, null];
    for (const value of bad) expect(parseCourierTime(value)).toBeNull();
  });

  it('strict ISO with offset for the generic format', () => {
    expect(parseIsoWithOffset('2026-11-21T14:05:00+09:00')).toEqual(kst('2026-11-21T14:05:00'));
    expect(parseIsoWithOffset('2026-11-21T05:05:00.123Z')).toEqual(new Date('2026-11-21T05:05:00.123Z'));
    expect(parseIsoWithOffset('2026-11-21 14:05:00+09:00')).toBeNull();
    expect(parseIsoWithOffset('2026-11-21T14:05:00')).toBeNull();
  });

  it('date-only values', () => {
    expect(toDateOnly('2026-11-23T18:00:00+09:00')).toBe('2026-11-23');
    expect(toDateOnly('2026.11.23')).toBe('2026-11-23');
    expect(toDateOnly('20261123')).toBe('2026-11-23');
    expect(toDateOnly('2026-11-31')).toBeNull();
    expect(toDateOnly(20261123)).toBeNull();
    expect(isDateOnly('2026-11-23')).toBe(true);
    expect(isDateOnly('2026-11-23T00:00')).toBe(false);
  });

  it('normalises waybills', () => {
    expect(normalizeWaybill(' 6312-3456 7890\t')).toBe('631234567890');
    expect(normalizeWaybill('ee123456789kr')).toBe('EE123456789KR');
  });
});
