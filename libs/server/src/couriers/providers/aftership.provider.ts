// AfterShip Tracking webhooks (tracking_update, edd_revise, tracking_pending_time).
//   POST {"event":"tracking_update","event_id":"<uuid>","ts":<unix s>,"msg":{<Tracking>}}
//   aftership-hmac-sha256: base64(HMAC-SHA256(rawBody, webhook secret))
// The shipment's current status is msg.tag (+ msg.subtag); the time and place of the event come
// from the latest checkpoint. One webhook → one scan.
import {
  courierByAftershipSlug,
  OTHER_COURIER_CODE,
  type ShipmentStatus,
} from '@shopdesk/contracts/couriers';
import {
  isObject,
  looseString,
  normalizeWaybill,
  optString,
  parseCourierTime,
  parseJsonObject,
  reqObject,
  reqString,
  toDateOnly,
  type JsonObject,
} from './parsing';
import { WebhookRejected, type CourierProviderAdapter, type NormalizedScan, type VerifyInput } from './types';
import { checkIpAllowlist, verifyAftershipSignature } from './signatures';

/** AfterShip's delivery statuses (msg.tag) → ours. */
export const AFTERSHIP_TAG_STATUS: Readonly<Record<string, ShipmentStatus>> = {
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

/**
 * Sub-statuses that mean more than their tag. From AfterShip's "Delivery Sub-statuses" table:
 * Exception_010 "Returning to sender" (on its way back), Exception_011 "Returned to sender"
 * (received by the sender), Exception_013 "Shipment lost". Other Exception_0xx (customer moved,
 * refused, customs delay, incorrect address, damaged, …) stay 'exception'.
 */
export const AFTERSHIP_SUBTAG_STATUS: Readonly<Record<string, ShipmentStatus>> = {
  Exception_010: 'returned_to_sender',
  Exception_011: 'returned_to_sender',
  Exception_013: 'lost',
};

/**
 * Our status for an AfterShip tag/subtag. AfterShip treats its enums as open; a tag we do not know
 * falls back to the subtag's prefix and then to 'exception' (rawStatus keeps the original), so an
 * unfamiliar update is flagged for a person instead of being dropped or silently read as progress.
 */
export function aftershipStatus(tag: string, subtag: string | null): ShipmentStatus {
  if (subtag) {
    const special = AFTERSHIP_SUBTAG_STATUS[subtag];
    const subtagTag = subtag.split('_')[0];
    if (special && (subtagTag === tag || !(tag in AFTERSHIP_TAG_STATUS))) return special;
  }
  const byTag = AFTERSHIP_TAG_STATUS[tag];
  if (byTag) return byTag;
  const byPrefix = subtag ? AFTERSHIP_TAG_STATUS[subtag.split('_')[0]] : undefined;
  return byPrefix ?? 'exception';
}

interface Checkpoint {
  index: number;
  at: Date;
  raw: JsonObject;
}

function latestCheckpoint(msg: JsonObject): Checkpoint | null {
  const list = msg.checkpoints;
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw new WebhookRejected(422, 'msg.checkpoints', 'msg.checkpoints must be an array');
  let latest: Checkpoint | null = null;
  for (const [index, raw] of (list as unknown[]).entries()) {
    const path = `msg.checkpoints[${index}]`;
    if (!isObject(raw)) throw new WebhookRejected(422, path, `${path} must be an object`);
    const time = raw.checkpoint_time;
    if (time === undefined || time === null || time === '') continue;
    // checkpoint_time is the carrier's local time and often has no offset; Korean carriers → KST.
    const at = parseCourierTime(time);
    if (!at) throw new WebhookRejected(422, `${path}.checkpoint_time`, `${path}.checkpoint_time is not a valid time`);
    if (!latest || at.getTime() >= latest.at.getTime()) latest = { index, at, raw };
  }
  return latest;
}

function checkpointLocation(cp: JsonObject): string | null {
  const location = looseString(cp.location);
  if (location) return location;
  const parts = [cp.city, cp.state, cp.country_region_name ?? cp.country_name]
    .map(looseString)
    .filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

function expectedDelivery(msg: JsonObject): string | null {
  const nested = (key: string, inner: string) => (isObject(msg[key]) ? (msg[key] as JsonObject)[inner] : undefined);
  const candidates = [
    msg.expected_delivery,
    nested('courier_estimated_delivery_date', 'estimated_delivery_date'),
    nested('aftership_estimated_delivery_date', 'estimated_delivery_date'),
    nested('latest_estimated_delivery', 'datetime'),
    nested('custom_estimated_delivery_date', 'datetime'),
  ];
  for (const candidate of candidates) {
    const date = toDateOnly(candidate);
    if (date) return date;
  }
  return null;
}

function eventTs(body: JsonObject): Date | null {
  const ts = body.ts;
  if (ts === undefined || ts === null) return null;
  const numeric = typeof ts === 'number' || (typeof ts === 'string' && /^\d+$/.test(ts.trim()));
  const at = numeric ? parseCourierTime(ts) : null;
  if (!at) throw new WebhookRejected(422, 'ts', 'ts must be a UNIX timestamp in seconds');
  return at;
}

export function parseAftershipWebhook(rawBody: Buffer): NormalizedScan[] {
  const body = parseJsonObject(rawBody);
  const eventId = reqString(body, 'event_id');
  const msg = reqObject(body, 'msg');
  const waybill = normalizeWaybill(reqString(msg, 'tracking_number', 'msg'));
  const slug = reqString(msg, 'slug', 'msg');
  const tag = reqString(msg, 'tag', 'msg');
  const subtag = optString(msg, 'subtag', 'msg');

  const latest = latestCheckpoint(msg);
  const ts = eventTs(body);
  const occurredAt = latest?.at ?? ts;
  if (!occurredAt) {
    throw new WebhookRejected(422, 'msg.checkpoints', 'no checkpoint carries a checkpoint_time and ts is missing');
  }

  return [
    {
      eventId,
      courierCode: courierByAftershipSlug(slug)?.code ?? OTHER_COURIER_CODE,
      waybill,
      status: aftershipStatus(tag, subtag),
      rawStatus: subtag ?? tag,
      occurredAt,
      location: latest ? checkpointLocation(latest.raw) : null,
      description: (latest ? looseString(latest.raw.message) : null) ?? looseString(msg.subtag_message),
      expectedDelivery: expectedDelivery(msg),
    },
  ];
}

export const aftershipAdapter: CourierProviderAdapter = {
  provider: 'aftership',
  verify(input: VerifyInput): void {
    checkIpAllowlist(input);
    verifyAftershipSignature(input);
  },
  parse: parseAftershipWebhook,
  ackBody: () => ({ ok: true }),
};
