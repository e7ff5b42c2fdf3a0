// Our own webhook format, for couriers and 3PLs that can post to us directly.
//   X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<rawBody>">   (several v1= allowed)
//   body: one event, or {"events":[…]} with at most 100:
//   { "id": "…", "courier": "04", "waybill": "…", "status": "<ShipmentStatus>", "raw_status"?: "…",
//     "occurred_at": "<ISO 8601 with offset>", "location"?: "…", "description"?: "…",
//     "expected_delivery"?: "YYYY-MM-DD" }
import {
  courierByCode,
  isShipmentStatus,
  OTHER_COURIER_CODE,
  SHIPMENT_STATUSES,
} from '@shopdesk/contracts/couriers';
import {
  isDateOnly,
  isObject,
  normalizeWaybill,
  optString,
  parseIsoWithOffset,
  parseJsonObject,
  reqString,
  type JsonObject,
} from './parsing';
import { WebhookRejected, type CourierProviderAdapter, type NormalizedScan, type VerifyInput } from './types';
import { checkIpAllowlist, verifyGenericSignature } from './signatures';

export const GENERIC_MAX_EVENTS = 100;
export const GENERIC_MAX_ID_LENGTH = 200;

function parseEvent(event: JsonObject, prefix: string): NormalizedScan {
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const id = reqString(event, 'id', prefix);
  if (id.length > GENERIC_MAX_ID_LENGTH) {
    throw new WebhookRejected(422, path('id'), `${path('id')} must be at most ${GENERIC_MAX_ID_LENGTH} characters`);
  }
  const courier = reqString(event, 'courier', prefix);
  const waybill = normalizeWaybill(reqString(event, 'waybill', prefix));
  const status = reqString(event, 'status', prefix);
  if (!isShipmentStatus(status)) {
    throw new WebhookRejected(422, path('status'), `${path('status')} must be one of ${SHIPMENT_STATUSES.join(', ')}`);
  }
  const occurredAtText = reqString(event, 'occurred_at', prefix);
  const occurredAt = parseIsoWithOffset(occurredAtText);
  if (!occurredAt) {
    throw new WebhookRejected(
      422,
      path('occurred_at'),
      `${path('occurred_at')} must be an ISO 8601 date-time with an offset (e.g. 2026-11-21T14:05:00+09:00)`,
    );
  }
  const expectedDelivery = optString(event, 'expected_delivery', prefix);
  if (expectedDelivery !== null && !isDateOnly(expectedDelivery)) {
    throw new WebhookRejected(422, path('expected_delivery'), `${path('expected_delivery')} must be YYYY-MM-DD`);
  }
  return {
    eventId: id,
    courierCode: courierByCode(courier)?.code ?? OTHER_COURIER_CODE,
    waybill,
    status,
    rawStatus: optString(event, 'raw_status', prefix) ?? status,
    occurredAt,
    location: optString(event, 'location', prefix),
    description: optString(event, 'description', prefix),
    expectedDelivery,
  };
}

export function parseGenericWebhook(rawBody: Buffer): NormalizedScan[] {
  const body = parseJsonObject(rawBody);
  if (!('events' in body)) return [parseEvent(body, '')];
  const events = body.events;
  if (!Array.isArray(events)) throw new WebhookRejected(422, 'events', 'events must be an array');
  if (events.length === 0) throw new WebhookRejected(422, 'events', 'events must not be empty');
  if (events.length > GENERIC_MAX_EVENTS) {
    throw new WebhookRejected(422, 'events', `events may hold at most ${GENERIC_MAX_EVENTS} entries`);
  }
  return events.map((event: unknown, i) => {
    const prefix = `events[${i}]`;
    if (!isObject(event)) throw new WebhookRejected(422, prefix, `${prefix} must be an object`);
    return parseEvent(event, prefix);
  });
}

export const genericAdapter: CourierProviderAdapter = {
  provider: 'generic',
  verify(input: VerifyInput): void {
    checkIpAllowlist(input);
    verifyGenericSignature(input);
  },
  parse: parseGenericWebhook,
  ackBody: () => ({ ok: true }),
};
