import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPMENT_STATUSES } from '@shopdesk/contracts/couriers';
import { aftershipAdapter, aftershipStatus, AFTERSHIP_TAG_STATUS } from './aftership.provider';
import { aftershipCheckpoint, aftershipPayload, signAftership, type Overrides } from './fixtures';
import { adapterFor, WebhookRejected, type VerifyInput } from './provider';

const SECRET = 'test-aftership-secret-current';
const OLD_SECRET = 'test-aftership-secret-previous';
const NOW = new Date('2026-11-21T05:08:00Z');
const kst = (wall: string) => new Date(`${wall}+09:00`);

const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function input(rawBody: Buffer, over: Partial<VerifyInput> = {}): VerifyInput {
  return {
    rawBody,
    headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': signAftership(rawBody, SECRET) },
    secrets: [SECRET],
    now: NOW,
    ...over,
  };
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
  const scans = aftershipAdapter.parse(raw(aftershipPayload(overrides)));
  expect(scans).toHaveLength(1);
  return scans[0];
};

describe('AfterShip adapter — parse', () => {
  it('turns the default delivered fixture into one scan', () => {
    expect(aftershipAdapter.parse(raw(aftershipPayload()))).toEqual([
      {
        eventId: '3f6b2c1e-8d4a-4b7e-9c21-5e0d7a9f4b18',
        courierCode: '04',
        waybill: '631234567890',
        status: 'delivered',
        rawStatus: 'Delivered_001',
        occurredAt: kst('2026-11-21T14:05:00'),
        location: '서울송파가락',
        description: '배달완료 (문 앞)',
        expectedDelivery: '2026-11-21',
      },
    ]);
  });

  it('reads the raw lost-parcel fixture: Exception_013 → lost, latest checkpoint by time, KST wall times', () => {
    const [scan] = aftershipAdapter.parse(fixture('aftership-exception-lost.json'));
    expect(scan).toEqual({
      eventId: 'b7e2d9a4-1c3f-4e8b-a6d0-92f4c15e7a30',
      courierCode: '01',
      waybill: '6070123456789',
      status: 'lost',
      rawStatus: 'Exception_013',
      // Listed first, but it is the latest; "2026-11-24T10:20:00" has no offset → KST.
      occurredAt: kst('2026-11-24T10:20:00'),
      location: '부산우편집중국',
      description: '분실 처리 (고객센터 문의)',
      expectedDelivery: '2026-11-20',
    });
  });

  it('maps every AfterShip tag (table)', () => {
    const expected: Record<string, string> = {
      Pending: 'info_received',
      InfoReceived: 'info_received',
      InTransit: 'in_transit',
      OutForDelivery: 'out_for_delivery',
      AttemptFail: 'attempt_failed',
      Delivered: 'delivered',
      AvailableForPickup: 'available_for_pickup',
      Exception: 'exception',
      Expired: 'expired',
    };
    expect(Object.keys(AFTERSHIP_TAG_STATUS).sort()).toEqual(Object.keys(expected).sort());
    for (const [tag, status] of Object.entries(expected)) {
      expect(SHIPMENT_STATUSES).toContain(status);
      const scan = parseOne({ msg: { tag, subtag: `${tag}_001` } });
      expect([tag, scan.status, scan.rawStatus]).toEqual([tag, status, `${tag}_001`]);
    }
  });

  it.each([
    ['Exception_001', 'exception'], // generic exception
    ['Exception_003', 'exception'], // customer refused delivery
    ['Exception_007', 'exception'], // incorrect address
    ['Exception_010', 'returned_to_sender'], // returning to sender
    ['Exception_011', 'returned_to_sender'], // returned to sender
    ['Exception_012', 'exception'], // damaged
    ['Exception_013', 'lost'], // shipment lost
  ])('Exception subtag %s → %s', (subtag, status) => {
    expect(parseOne({ msg: { tag: 'Exception', subtag } }).status).toBe(status);
  });

  it('keeps the tag when a special subtag does not belong to it, and flags an unknown tag as exception', () => {
    expect(aftershipStatus('InTransit', 'Exception_013')).toBe('in_transit');
    expect(aftershipStatus('Cancelled', null)).toBe('exception');
    expect(aftershipStatus('SomethingNew', 'Delivered_005')).toBe('delivered');
    expect(aftershipStatus('SomethingNew', 'Exception_013')).toBe('lost');
    const scan = parseOne({ msg: { tag: 'SomethingNew', subtag: undefined } });
    expect([scan.status, scan.rawStatus]).toEqual(['exception', 'SomethingNew']);
  });

  it('maps known slugs to our couriers and unknown slugs to "other"', () => {
    expect(parseOne({ msg: { slug: 'kpost' } }).courierCode).toBe('01');
    expect(parseOne({ msg: { slug: 'cj-gls' } }).courierCode).toBe('04');
    expect(parseOne({ msg: { slug: 'lotte' } }).courierCode).toBe('08');
    expect(parseOne({ msg: { slug: 'korea-post' } }).courierCode).toBe('12');
    expect(parseOne({ msg: { slug: 'fedex' } }).courierCode).toBe('other');
    expect(parseOne({ msg: { slug: 'cj-korea-thai' } }).courierCode).toBe('other');
  });

  it('falls back to ts when there are no checkpoints, with the subtag message as description', () => {
    const scan = parseOne({ msg: { checkpoints: [], tag: 'InfoReceived', subtag: 'InfoReceived_001', subtag_message: 'Info Received' } });
    expect(scan.occurredAt).toEqual(new Date('2026-11-21T05:07:00Z'));
    expect(scan.location).toBeNull();
    expect(scan.description).toBe('Info Received');
  });

  it('accepts ts as a digit string', () => {
    expect(parseOne({ ts: '1795237620', msg: { checkpoints: undefined } }).occurredAt).toEqual(
      new Date('2026-11-21T05:07:00Z'),
    );
  });

  it('builds the location from city/state/country when the checkpoint has no location', () => {
    const cp = aftershipCheckpoint({ location: null, city: 'Incheon', state: null, country_region_name: 'Korea, Republic of' });
    expect(parseOne({ msg: { checkpoints: [cp] } }).location).toBe('Incheon, Korea, Republic of');
  });

  it('ignores checkpoints without a time but uses the latest timed one', () => {
    const scan = parseOne({
      msg: {
        checkpoints: [
          aftershipCheckpoint({ checkpoint_time: '2026-11-21T10:00:00+09:00', message: 'earlier' }),
          aftershipCheckpoint({ checkpoint_time: null, message: 'untimed' }),
        ],
      },
    });
    expect([scan.description, scan.occurredAt]).toEqual(['earlier', kst('2026-11-21T10:00:00')]);
  });

  it('reads the expected delivery from the newer EDD objects when expected_delivery is absent', () => {
    expect(parseOne({ msg: { expected_delivery: null } }).expectedDelivery).toBeNull();
    expect(
      parseOne({
        msg: {
          expected_delivery: null,
          courier_estimated_delivery_date: { estimated_delivery_date: '2026-11-23', estimated_delivery_date_min: null },
        },
      }).expectedDelivery,
    ).toBe('2026-11-23');
    expect(
      parseOne({
        msg: {
          expected_delivery: undefined,
          latest_estimated_delivery: { type: 'specific', datetime: '2026-11-24T18:00:00+09:00' },
        },
      }).expectedDelivery,
    ).toBe('2026-11-24');
    expect(parseOne({ msg: { expected_delivery: 'soon' } }).expectedDelivery).toBeNull();
  });

  it('normalises the waybill (numbers, dashes, blanks)', () => {
    expect(parseOne({ msg: { tracking_number: ' 6312-3456-7890 ' } }).waybill).toBe('631234567890');
    expect(parseOne({ msg: { tracking_number: 631234567890 } }).waybill).toBe('631234567890');
    expect(parseOne({ msg: { tracking_number: 'ee123456789kr' } }).waybill).toBe('EE123456789KR');
  });

  it('gives a resend the same eventId (AfterShip event_id)', () => {
    const body = aftershipPayload();
    const first = aftershipAdapter.parse(raw(body))[0];
    const resent = aftershipAdapter.parse(Buffer.from(JSON.stringify(body, null, 2)))[0];
    expect(resent.eventId).toBe(first.eventId);
    expect(resent).toEqual(first);
  });

  it('400 naming "body" for malformed JSON', () => {
    for (const bad of ['{"event":"tracking_update",', '', 'not json']) {
      const err = rejection(() => aftershipAdapter.parse(Buffer.from(bad)));
      expect([err.status, err.field]).toEqual([400, 'body']);
    }
  });

  it('422 for JSON that is not an object', () => {
    const err = rejection(() => aftershipAdapter.parse(Buffer.from('[1,2]')));
    expect([err.status, err.field]).toEqual([422, 'body']);
  });

  it.each<[string, string, Overrides]>([
    ['missing waybill', 'msg.tracking_number', { msg: { tracking_number: undefined } }],
    ['blank waybill', 'msg.tracking_number', { msg: { tracking_number: '  ' } }],
    ['waybill of the wrong type', 'msg.tracking_number', { msg: { tracking_number: { n: 1 } } }],
    ['missing event_id', 'event_id', { event_id: undefined }],
    ['missing msg', 'msg', { msg: undefined }],
    ['missing slug', 'msg.slug', { msg: { slug: undefined } }],
    ['missing tag', 'msg.tag', { msg: { tag: undefined } }],
    ['checkpoints not an array', 'msg.checkpoints', { msg: { checkpoints: 'none' } }],
    ['checkpoint not an object', 'msg.checkpoints[1]', { msg: { checkpoints: [aftershipCheckpoint(), 7] } }],
    [
      'bad checkpoint_time',
      'msg.checkpoints[1].checkpoint_time',
      { msg: { checkpoints: [aftershipCheckpoint(), aftershipCheckpoint({ checkpoint_time: 'yesterday' })] } },
    ],
    ['no time at all', 'msg.checkpoints', { ts: undefined, msg: { checkpoints: [] } }],
    ['bad ts', 'ts', { ts: 'later', msg: { checkpoints: [] } }],
  ])('422 for %s, naming %s', (_name, field, overrides) => {
    const err = rejection(() => aftershipAdapter.parse(raw(aftershipPayload(overrides))));
    expect([err.status, err.field]).toEqual([422, field]);
  });
});

describe('AfterShip adapter — verify', () => {
  const body = fixture('aftership-exception-lost.json');

  it('accepts the signature over the exact raw bytes', () => {
    expect(() => aftershipAdapter.verify(input(body))).not.toThrow();
    expect(adapterFor('aftership')).toBe(aftershipAdapter);
  });

  it('401 for a bad signature', () => {
    const err = rejection(() =>
      aftershipAdapter.verify(input(body, { headers: { 'aftership-hmac-sha256': signAftership(body, 'some-other-secret') } })),
    );
    expect([err.status, err.field]).toEqual([401, 'aftership-hmac-sha256']);
  });

  it('401 when the body was re-serialised (signature is over the raw bytes)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    const err = rejection(() =>
      aftershipAdapter.verify(input(reserialised, { headers: { 'aftership-hmac-sha256': signAftership(body, SECRET) } })),
    );
    expect(err.status).toBe(401);
  });

  it('401 for a missing, truncated or non-base64 signature', () => {
    const good = signAftership(body, SECRET);
    for (const headers of [{}, { 'aftership-hmac-sha256': good.slice(0, 20) }, { 'aftership-hmac-sha256': 'not base64!' }]) {
      const err = rejection(() => aftershipAdapter.verify(input(body, { headers })));
      expect([err.status, err.field]).toEqual([401, 'aftership-hmac-sha256']);
    }
  });

  it('accepts a body signed with the second secret during a rotation', () => {
    const headers = { 'aftership-hmac-sha256': signAftership(body, OLD_SECRET) };
    expect(() => aftershipAdapter.verify(input(body, { headers, secrets: [SECRET, OLD_SECRET] }))).not.toThrow();
    expect(rejection(() => aftershipAdapter.verify(input(body, { headers, secrets: [SECRET] }))).status).toBe(401);
  });

  it('fails closed without secrets', () => {
    expect(rejection(() => aftershipAdapter.verify(input(body, { secrets: [] }))).status).toBe(401);
    expect(rejection(() => aftershipAdapter.verify(input(body, { secrets: [''] }))).status).toBe(401);
  });

  it('finds the header whatever its case', () => {
    const headers = { 'Aftership-Hmac-Sha256': signAftership(body, SECRET) };
    expect(() => aftershipAdapter.verify(input(body, { headers }))).not.toThrow();
  });

  it('applies an IP allowlist when one is configured (403)', () => {
    const allowedIps = ['104.154.18.15', '34.122.118.39'];
    expect(() => aftershipAdapter.verify(input(body, { ip: '34.122.118.39', allowedIps }))).not.toThrow();
    const err = rejection(() => aftershipAdapter.verify(input(body, { ip: '203.0.113.9', allowedIps })));
    expect([err.status, err.field]).toEqual([403, 'ip']);
  });

  it('acknowledges with a small JSON body', () => {
    expect(aftershipAdapter.ackBody()).toEqual({ ok: true });
  });
});
