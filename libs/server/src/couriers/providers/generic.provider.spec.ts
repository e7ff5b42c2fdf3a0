import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPMENT_STATUSES } from '@shopdesk/contracts/couriers';
import { genericBatchPayload, genericPayload, signGeneric, type Overrides } from './fixtures';
import { genericAdapter, GENERIC_MAX_EVENTS } from './generic.provider';
import { adapterFor, WebhookRejected, type VerifyInput } from './provider';
import { genericSignatureV1 } from './signatures';

const SECRET = 'test-generic-secret-current';
const OLD_SECRET = 'test-generic-secret-previous';
const NOW = new Date('2026-11-21T05:10:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const kst = (wall: string) => new Date(`${wall}+09:00`);
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function input(rawBody: Buffer, over: Partial<VerifyInput> = {}): VerifyInput {
  return { rawBody, headers: { 'x-signature': signGeneric(rawBody, SECRET, T) }, secrets: [SECRET], now: NOW, ...over };
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
  const scans = genericAdapter.parse(raw(genericPayload(overrides)));
  expect(scans).toHaveLength(1);
  return scans[0];
};

describe('generic adapter — parse', () => {
  it('turns one event into one scan', () => {
    expect(parseOne()).toEqual({
      eventId: 'evt_20261120_lotte_000481',
      courierCode: '08',
      waybill: '308912345678',
      status: 'in_transit',
      rawStatus: 'HUB_IN',
      occurredAt: kst('2026-11-20T21:40:00'),
      location: '롯데 곤지암 메가허브',
      description: '허브 입고',
      expectedDelivery: '2026-11-22',
    });
  });

  it('turns the batch fixture into one scan per event, in order', () => {
    expect(genericAdapter.parse(fixture('generic-batch.json'))).toEqual([
      {
        eventId: 'evt_20261121_logen_000912',
        courierCode: '06',
        waybill: '30212345678',
        status: 'attempt_failed',
        rawStatus: 'ABSENT',
        occurredAt: kst('2026-11-21T16:30:00'),
        location: '로젠 수원영통',
        description: '수취인 부재 - 재배송 예정',
        expectedDelivery: '2026-11-22',
      },
      {
        eventId: 'evt_20261121_ilyang_000044',
        courierCode: '11',
        waybill: '1234567890',
        status: 'delivered',
        rawStatus: 'delivered',
        occurredAt: new Date('2026-11-21T07:58:12Z'),
        location: null,
        description: null,
        expectedDelivery: null,
      },
    ]);
  });

  it('accepts every shipment status and defaults raw_status to it', () => {
    for (const status of SHIPMENT_STATUSES) {
      const scan = parseOne({ status, raw_status: undefined });
      expect([scan.status, scan.rawStatus]).toEqual([status, status]);
    }
  });

  it('maps an unknown courier code to "other"', () => {
    expect(parseOne({ courier: 'acme-freight' }).courierCode).toBe('other');
    expect(parseOne({ courier: 'other' }).courierCode).toBe('other');
  });

  it('takes up to 100 events', () => {
    const events = Array.from({ length: GENERIC_MAX_EVENTS }, (_, i) => ({ id: `evt_${i}` }));
    expect(genericAdapter.parse(raw(genericBatchPayload(events)))).toHaveLength(100);
  });

  it('gives a resend the same eventId (the sender\'s id)', () => {
    const body = genericPayload();
    const a = genericAdapter.parse(raw(body))[0];
    const b = genericAdapter.parse(Buffer.from(JSON.stringify(body, null, 4)))[0];
    expect(b.eventId).toBe(a.eventId);
    expect(b).toEqual(a);
  });

  it('400 naming "body" for malformed JSON', () => {
    for (const bad of ['{"events":[', '', 'id=1']) {
      const err = rejection(() => genericAdapter.parse(Buffer.from(bad)));
      expect([err.status, err.field]).toEqual([400, 'body']);
    }
  });

  it.each<[string, string, Overrides]>([
    ['missing waybill', 'waybill', { waybill: undefined }],
    ['missing id', 'id', { id: undefined }],
    ['an over-long id', 'id', { id: 'x'.repeat(201) }],
    ['missing courier', 'courier', { courier: undefined }],
    ['an unknown status', 'status', { status: 'shipped' }],
    ['missing occurred_at', 'occurred_at', { occurred_at: undefined }],
    ['occurred_at without an offset', 'occurred_at', { occurred_at: '2026-11-20T21:40:00' }],
    ['occurred_at as a date only', 'occurred_at', { occurred_at: '2026-11-20' }],
    ['occurred_at that is no date', 'occurred_at', { occurred_at: '2026-13-40T21:40:00+09:00' }],
    ['expected_delivery with a time', 'expected_delivery', { expected_delivery: '2026-11-22T18:00:00+09:00' }],
    ['expected_delivery that is no date', 'expected_delivery', { expected_delivery: '2026-02-30' }],
    ['location of the wrong type', 'location', { location: { city: '서울' } }],
  ])('422 for %s, naming %s', (_name, field, overrides) => {
    const err = rejection(() => genericAdapter.parse(raw(genericPayload(overrides))));
    expect([err.status, err.field]).toEqual([422, field]);
  });

  it('names the event in a batch: events[1].waybill', () => {
    const body = genericBatchPayload([{}, { id: 'evt_2', waybill: undefined }]);
    const err = rejection(() => genericAdapter.parse(raw(body)));
    expect([err.status, err.field]).toEqual([422, 'events[1].waybill']);
  });

  it.each<[string, unknown]>([
    ['not an array', { events: 'all' }],
    ['empty', { events: [] }],
    ['over 100', genericBatchPayload(Array.from({ length: 101 }, (_, i) => ({ id: `evt_${i}` })))],
  ])('422 "events" when events is %s', (_name, body) => {
    const err = rejection(() => genericAdapter.parse(raw(body)));
    expect([err.status, err.field]).toEqual([422, 'events']);
  });

  it('422 "events[0]" for an event that is not an object', () => {
    const err = rejection(() => genericAdapter.parse(raw({ events: ['evt'] })));
    expect([err.status, err.field]).toEqual([422, 'events[0]']);
  });
});

describe('generic adapter — verify', () => {
  const body = fixture('generic-batch.json');

  it('accepts a fresh, correct signature', () => {
    expect(() => genericAdapter.verify(input(body))).not.toThrow();
    expect(adapterFor('generic')).toBe(genericAdapter);
  });

  it('401 for a bad signature', () => {
    const err = rejection(() =>
      genericAdapter.verify(input(body, { headers: { 'x-signature': signGeneric(body, 'some-other-secret', T) } })),
    );
    expect([err.status, err.field]).toEqual([401, 'x-signature']);
    expect(err.message).toMatch(/does not match/);
  });

  it('401 when the timestamp in the header is not the one signed', () => {
    const v1 = genericSignatureV1(body, SECRET, T);
    const err = rejection(() => genericAdapter.verify(input(body, { headers: { 'x-signature': `t=${T - 1},v1=${v1}` } })));
    expect(err.status).toBe(401);
  });

  it('accepts a body signed with the second secret during a rotation', () => {
    const headers = { 'x-signature': signGeneric(body, OLD_SECRET, T) };
    expect(() => genericAdapter.verify(input(body, { headers, secrets: [SECRET, OLD_SECRET] }))).not.toThrow();
    expect(rejection(() => genericAdapter.verify(input(body, { headers }))).status).toBe(401);
  });

  it('accepts several v1 entries when any one matches (sender mid-rotation)', () => {
    const stale = genericSignatureV1(body, 'retired-secret', T);
    const fresh = genericSignatureV1(body, SECRET, T);
    const headers = { 'X-Signature': `t=${T}, v1=${stale}, v0=deadbeef, v1=${fresh}` };
    expect(() => genericAdapter.verify(input(body, { headers }))).not.toThrow();
  });

  it('401 "stale" for a correctly signed timestamp older than 300 s, or more than 300 s ahead', () => {
    for (const t of [T - 301, T + 301, T - 86_400]) {
      const err = rejection(() => genericAdapter.verify(input(body, { headers: { 'x-signature': signGeneric(body, SECRET, t) } })));
      expect([err.status, err.field]).toEqual([401, 'x-signature']);
      expect(err.message).toMatch(/^stale/);
    }
  });

  it('accepts timestamps up to 300 s either way', () => {
    for (const t of [T - 300, T + 300, new Date(NOW.getTime() - 299_000)]) {
      expect(() => genericAdapter.verify(input(body, { headers: { 'x-signature': signGeneric(body, SECRET, t) } }))).not.toThrow();
    }
  });

  it('401 for a missing or malformed header', () => {
    const v1 = genericSignatureV1(body, SECRET, T);
    for (const headers of [
      {},
      { 'x-signature': '' },
      { 'x-signature': `v1=${v1}` },
      { 'x-signature': `t=${T}` },
      { 'x-signature': `t=soon,v1=${v1}` },
      { 'x-signature': `t=${T},v1=${v1.slice(2)}` },
      { 'x-signature': `t=${T},t=${T},v1=${v1}` },
    ]) {
      const err = rejection(() => genericAdapter.verify(input(body, { headers })));
      expect([err.status, err.field]).toEqual([401, 'x-signature']);
    }
  });

  it('fails closed without secrets', () => {
    expect(rejection(() => genericAdapter.verify(input(body, { secrets: [] }))).status).toBe(401);
  });

  it('applies an IP allowlist when one is configured (403)', () => {
    expect(() => genericAdapter.verify(input(body, { ip: '192.0.2.10', allowedIps: ['192.0.2.0/28'] }))).not.toThrow();
    const err = rejection(() => genericAdapter.verify(input(body, { ip: '192.0.2.20', allowedIps: ['192.0.2.0/28'] })));
    expect([err.status, err.field]).toEqual([403, 'ip']);
  });

  it('acknowledges with a small JSON body', () => {
    expect(genericAdapter.ackBody()).toEqual({ ok: true });
  });
});
