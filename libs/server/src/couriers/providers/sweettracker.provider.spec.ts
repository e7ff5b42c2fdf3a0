import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sweetTrackerFormBody, sweetTrackerPayload, type Overrides } from './fixtures';
import { adapterFor, rawPayloadObject, WebhookRejected, type VerifyInput } from './provider';
import {
  sweetTrackerAdapter,
  sweetTrackerEventId,
  sweetTrackerFid,
  SWEETTRACKER_LEVEL_STATUS,
} from './sweettracker.provider';

const NOW = new Date('2026-11-21T00:15:00Z');
const kst = (wall: string) => new Date(`${wall}+09:00`);
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function input(over: Partial<VerifyInput> = {}): VerifyInput {
  return { rawBody: raw(sweetTrackerPayload()), headers: {}, secrets: [], now: NOW, ...over };
}

function rejection(fn: () => unknown): WebhookRejected {
  try {
    fn();
  } catch (err) {
    if (err instanceof WebhookRejected) return err;
    throw err;
  }
  throw new Error('expected a WebhookRejected');
}

const parseOne = (overrides: Overrides = {}) => {
  const scans = sweetTrackerAdapter.parse(raw(sweetTrackerPayload(overrides)));
  expect(scans).toHaveLength(1);
  return scans[0];
};

const DELIVERED = {
  eventId: createHash('sha256')
    .update('SD-20261120-000123|631234567890|6|2026-11-21T05:05:00.000Z')
    .digest('hex'),
  courierCode: '04',
  waybill: '631234567890',
  status: 'delivered',
  rawStatus: 'level:6',
  occurredAt: kst('2026-11-21T14:05:00'),
  location: '서울송파가락',
  description: '배달완료',
  expectedDelivery: null,
};

describe('Sweet Tracker adapter — parse', () => {
  it('turns the JSON callback fixture into one scan (time_trans read as KST)', () => {
    expect(sweetTrackerAdapter.parse(fixture('sweettracker-delivered.json'))).toEqual([DELIVERED]);
  });

  it('reads the same callback posted as a form (the spec example is an HTML form post)', () => {
    expect(sweetTrackerAdapter.parse(fixture('sweettracker-delivered.form.txt'))).toEqual([DELIVERED]);
  });

  it('turns the builder default (한진, out for delivery) into one scan', () => {
    expect(parseOne()).toEqual({
      eventId: sweetTrackerEventId('05_420123456789', '420123456789', 5, kst('2026-11-21T09:12:00')),
      courierCode: '05',
      waybill: '420123456789',
      status: 'out_for_delivery',
      rawStatus: 'level:5',
      occurredAt: kst('2026-11-21T09:12:00'),
      location: '인천부평',
      description: '배송출발 (배송예정: 14~16시)',
      expectedDelivery: '2026-11-21',
    });
  });

  it('maps every level (table)', () => {
    const expected: Record<string, string> = {
      '1': 'info_received', // 배송준비중
      '2': 'in_transit', // 집화완료
      '3': 'in_transit', // 배송중
      '4': 'in_transit', // 지점 도착
      '5': 'out_for_delivery', // 배송출발
      '6': 'delivered', // 배송완료
      '-99': 'exception', // 스캔 오류
    };
    expect(Object.keys(SWEETTRACKER_LEVEL_STATUS).sort()).toEqual(Object.keys(expected).sort());
    for (const [level, status] of Object.entries(expected)) {
      const asNumber = parseOne({ level: Number(level) });
      const asString = parseOne({ level });
      expect([level, asNumber.status, asNumber.rawStatus]).toEqual([level, status, `level:${level}`]);
      expect(asString.status).toBe(status);
      expect(asString.eventId).toBe(asNumber.eventId);
    }
  });

  it.each([[0], [7], [-1], ['six'], [2.5], [null]])('422 "level" for level %p', (level) => {
    const err = rejection(() => sweetTrackerAdapter.parse(raw(sweetTrackerPayload({ level }))));
    expect([err.status, err.field]).toEqual([422, 'level']);
  });

  it.each([
    ['2026-11-21 14:05:00', kst('2026-11-21T14:05:00')],
    ['2026-11-21 14:05', kst('2026-11-21T14:05:00')],
    ['2026.11.21 14:05:00', kst('2026-11-21T14:05:00')],
    ['2026-11-21T14:05:00', kst('2026-11-21T14:05:00')],
    ['20261121140500', kst('2026-11-21T14:05:00')],
    ['2026-11-21T05:05:00Z', kst('2026-11-21T14:05:00')],
    ['2026-11-21 14:05:00+09:00', kst('2026-11-21T14:05:00')],
    [1795237500, kst('2026-11-21T14:05:00')],
    ['1795237500', kst('2026-11-21T14:05:00')],
    ['1795237500000', kst('2026-11-21T14:05:00')],
  ])('reads time_trans %p', (timeTrans, expected) => {
    expect(parseOne({ time_trans: timeTrans }).occurredAt).toEqual(expected);
  });

  it('falls back to time_sweet when time_trans is empty', () => {
    expect(parseOne({ time_trans: '' }).occurredAt).toEqual(kst('2026-11-21T09:14:37'));
  });

  it.each<[string, string, Overrides]>([
    ['missing waybill', 'invoice_no', { invoice_no: undefined }],
    ['blank waybill', 'invoice_no', { invoice_no: ' ' }],
    ['missing fid', 'fid', { fid: undefined }],
    ['missing level', 'level', { level: undefined }],
    ['no time at all', 'time_trans', { time_trans: undefined, time_sweet: undefined }],
    ['a time that is not one', 'time_trans', { time_trans: '2026-02-30 10:00:00' }],
    ['an hour that is not one', 'time_trans', { time_trans: '2026-11-21 25:00:00' }],
    ['a where of the wrong type', 'where', { where: ['서울'] }],
  ])('422 for %s, naming %s', (_name, field, overrides) => {
    const err = rejection(() => sweetTrackerAdapter.parse(raw(sweetTrackerPayload(overrides))));
    expect([err.status, err.field]).toEqual([422, field]);
  });

  it('400 naming "body" for malformed JSON', () => {
    for (const bad of ['{"fid":"x",', '', '<xml/>']) {
      const err = rejection(() => sweetTrackerAdapter.parse(Buffer.from(bad)));
      expect([err.status, err.field]).toEqual([400, 'body']);
    }
  });

  it('finds the courier in courier_code, comcode, or an fid made by sweetTrackerFid; else "other"', () => {
    expect(parseOne({ courier_code: '08' }).courierCode).toBe('08');
    expect(parseOne({ courier_code: 6 }).courierCode).toBe('06');
    expect(parseOne({ courier_code: undefined, comcode: '01' }).courierCode).toBe('01');
    expect(parseOne({ courier_code: undefined, fid: sweetTrackerFid('04', '6312-3456-7890') }).courierCode).toBe('04');
    expect(parseOne({ courier_code: '99' }).courierCode).toBe('other');
    expect(parseOne({ courier_code: undefined, fid: 'SD-20261120-000123' }).courierCode).toBe('other');
    expect(sweetTrackerFid('04', '6312-3456-7890')).toBe('04_631234567890');
  });

  it('gives a resend the same eventId: new time_sweet, other key order, form instead of JSON', () => {
    const first = parseOne();
    const payload = sweetTrackerPayload({ time_sweet: '2026-11-21 09:31:02' });
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    expect(sweetTrackerAdapter.parse(raw(reordered))[0].eventId).toBe(first.eventId);
    expect(sweetTrackerAdapter.parse(Buffer.from(sweetTrackerFormBody(payload)))[0].eventId).toBe(first.eventId);
    // The same instant written differently is the same scan.
    expect(parseOne({ time_trans: '2026-11-21T00:12:00Z' }).eventId).toBe(first.eventId);
  });

  it('gives a different scan a different eventId', () => {
    const first = parseOne();
    expect(parseOne({ level: 6, time_trans: '2026-11-21 15:40:00' }).eventId).not.toBe(first.eventId);
    expect(parseOne({ level: 6 }).eventId).not.toBe(first.eventId);
    expect(parseOne({ fid: 'other-registration' }).eventId).not.toBe(first.eventId);
  });

  it('reads estmate as a date when it is one', () => {
    expect(parseOne({ estmate: '2026-11-22 18:00' }).expectedDelivery).toBe('2026-11-22');
    expect(parseOne({ estmate: '20261122' }).expectedDelivery).toBe('2026-11-22');
    expect(parseOne({ estmate: '14~16시' }).expectedDelivery).toBeNull();
    expect(parseOne({ estmate: undefined }).expectedDelivery).toBeNull();
  });

  it('keeps a scan-error callback (-99) as an exception with its details', () => {
    const scan = parseOne({ level: -99, details: '배송 스캔 오류' });
    expect([scan.status, scan.rawStatus, scan.description]).toEqual(['exception', 'level:-99', '배송 스캔 오류']);
  });
});

describe('Sweet Tracker adapter — verify (no signature; optional IP allowlist)', () => {
  it('accepts any source when no allowlist is configured, and ignores secrets and signatures', () => {
    expect(() => sweetTrackerAdapter.verify(input())).not.toThrow();
    expect(() => sweetTrackerAdapter.verify(input({ ip: '198.51.100.7', allowedIps: [] }))).not.toThrow();
    expect(() => sweetTrackerAdapter.verify(input({ secrets: ['unused'], headers: { 'x-signature': 'junk' } }))).not.toThrow();
    expect(adapterFor('sweettracker')).toBe(sweetTrackerAdapter);
  });

  it('accepts an address on the allowlist (exact, CIDR, IPv4-mapped IPv6)', () => {
    const allowedIps = ['211.233.10.5', '203.0.113.0/24', '2001:db8::/32'];
    for (const ip of ['211.233.10.5', '203.0.113.77', '::ffff:203.0.113.78', '2001:db8::1', ' 211.233.10.5 ']) {
      expect(() => sweetTrackerAdapter.verify(input({ ip, allowedIps }))).not.toThrow();
    }
  });

  it('403 "ip" for an address off the allowlist, or no address at all', () => {
    const allowedIps = ['211.233.10.5', '203.0.113.0/24', 'not-an-ip', '10.0.0.0/99'];
    for (const ip of ['211.233.10.6', '198.51.100.7', '10.0.0.1', '::1', undefined, 'garbage']) {
      const err = rejection(() => sweetTrackerAdapter.verify(input({ ip, allowedIps })));
      expect([err.status, err.field]).toEqual([403, 'ip']);
    }
  });

  it('answers with what Sweet Tracker expects', () => {
    expect(sweetTrackerAdapter.ackBody()).toEqual({ code: true, message: 'success' });
  });
});

describe('rawPayloadObject', () => {
  it('gives the stored payload for JSON and form callbacks alike', () => {
    const json = rawPayloadObject(fixture('sweettracker-delivered.json'));
    const form = rawPayloadObject(fixture('sweettracker-delivered.form.txt'));
    expect(form).toEqual({ ...json, level: '6' });
  });
});
