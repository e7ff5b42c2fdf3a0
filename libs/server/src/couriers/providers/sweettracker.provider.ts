// Sweet Tracker (스마트택배) tracking callbacks: one POST per courier scan, to the callback_url given
// when the waybill was registered (add_invoice). Fields per Sweet Tracker's 배송추적 API:
//   secret_value (unused by Sweet Tracker), fid (our id of the registration), courier_code,
//   invoice_no, level (1–6, -99 = scan error), time_trans (courier's scan time, KST),
//   time_sweet (Sweet Tracker's receive time), where, telno_office, telno_man, details,
//   recv_addr, recv_name, send_name, man, estmate.
// Sweet Tracker does not sign callbacks: the endpoint path carries an unguessable per-integration
// token (checked by the endpoint) and `verify` applies the optional source-IP allowlist.
// The body may be JSON or form-encoded (the spec's example is a form post).
import {
  courierBySweetTrackerCode,
  OTHER_COURIER_CODE,
  type ShipmentStatus,
} from '@shopdesk/contracts/couriers';
import {
  looseString,
  normalizeWaybill,
  optString,
  parseCourierTime,
  parseJsonOrFormObject,
  reqString,
  sha256Hex,
  toDateOnly,
  type JsonObject,
} from './parsing';
import { WebhookRejected, type CourierProviderAdapter, type NormalizedScan, type VerifyInput } from './types';
import { checkIpAllowlist } from './signatures';

/** Sweet Tracker 배송단계 → ours. */
export const SWEETTRACKER_LEVEL_STATUS: Readonly<Record<number, ShipmentStatus>> = {
  1: 'info_received', // 배송준비중
  2: 'in_transit', // 집화완료
  3: 'in_transit', // 배송중
  4: 'in_transit', // 지점 도착
  5: 'out_for_delivery', // 배송출발
  6: 'delivered', // 배송완료
  [-99]: 'exception', // 배송 스캔 오류 / 알 수 없음
};

/** Sweet Tracker's answer on success. */
export const SWEETTRACKER_ACK = { code: true, message: 'success' } as const;

/**
 * The fid to register a waybill with so callbacks carry the courier even when `courier_code` is
 * absent: '<sweet tracker code>_<waybill>' (fid is at most 30 characters).
 */
export function sweetTrackerFid(sweetTrackerCode: string, waybill: string): string {
  return `${sweetTrackerCode}_${normalizeWaybill(waybill)}`.slice(0, 30);
}

function readLevel(body: JsonObject): number {
  const raw = body.level;
  const level =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (raw === undefined || raw === null || raw === '') throw new WebhookRejected(422, 'level', 'level is required');
  if (!Number.isInteger(level) || !(level in SWEETTRACKER_LEVEL_STATUS)) {
    throw new WebhookRejected(422, 'level', 'level must be 1–6 or -99');
  }
  return level;
}

function readTime(body: JsonObject): Date {
  for (const key of ['time_trans', 'time_sweet'] as const) {
    const raw = body[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const at = parseCourierTime(raw);
    if (!at) throw new WebhookRejected(422, key, `${key} is not a valid time`);
    return at;
  }
  throw new WebhookRejected(422, 'time_trans', 'time_trans is required');
}

function courierCode(body: JsonObject, fid: string): string {
  let code: string | null = null;
  for (const key of ['courier_code', 'comcode', 'code']) {
    const raw = body[key];
    code = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : looseString(raw);
    if (code) break;
  }
  // Registrations made with sweetTrackerFid() carry the code in the fid ('04_631234567890').
  code ??= /^(\d{1,3})[_-]/.exec(fid)?.[1] ?? null;
  return (code && courierBySweetTrackerCode(code)?.code) || OTHER_COURIER_CODE;
}

/**
 * Event id: SHA-256 hex of 'fid|invoice_no|level|time_trans', with the waybill normalised and the
 * time as the ISO instant, so a resend (same scan, new time_sweet, JSON or form) dedupes.
 */
export function sweetTrackerEventId(fid: string, waybill: string, level: number, occurredAt: Date): string {
  return sha256Hex([fid, waybill, String(level), occurredAt.toISOString()].join('|'));
}

export function parseSweetTrackerCallback(rawBody: Buffer): NormalizedScan[] {
  const body = parseJsonOrFormObject(rawBody);
  const fid = reqString(body, 'fid');
  const waybill = normalizeWaybill(reqString(body, 'invoice_no'));
  const level = readLevel(body);
  const occurredAt = readTime(body);
  return [
    {
      eventId: sweetTrackerEventId(fid, waybill, level, occurredAt),
      courierCode: courierCode(body, fid),
      waybill,
      status: SWEETTRACKER_LEVEL_STATUS[level],
      rawStatus: `level:${level}`,
      occurredAt,
      location: optString(body, 'where'),
      description: optString(body, 'details'),
      expectedDelivery: toDateOnly(body.estmate),
    },
  ];
}

export const sweetTrackerAdapter: CourierProviderAdapter = {
  provider: 'sweettracker',
  verify(input: VerifyInput): void {
    checkIpAllowlist(input);
  },
  parse: parseSweetTrackerCallback,
  ackBody: () => ({ ...SWEETTRACKER_ACK }),
};
