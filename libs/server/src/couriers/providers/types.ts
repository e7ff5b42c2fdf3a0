// Shared shapes of the courier-webhook adapters (re-exported by ./provider, which adds adapterFor):
// what a parsed scan looks like, how a rejected request is reported, and what `verify` gets to
// look at. Pure: no Nest, no database, no clock (the caller passes `now`).
import type { CourierProvider, ShipmentStatus } from '@shopdesk/contracts/couriers';

export interface NormalizedScan {
  /** Provider event id; for providers without one, a SHA-256 hex of the canonical payload (so a resend dedupes). */
  eventId: string;
  /** Our code from COURIERS (AfterShip slug / Sweet Tracker code mapped); unknown couriers → 'other'. */
  courierCode: string;
  /** Normalised waybill: whitespace and '-' removed, letters upper-cased (see normalizeWaybill). */
  waybill: string;
  status: ShipmentStatus;
  /** The provider's own code, e.g. 'Exception_013' or 'level:6'. */
  rawStatus: string;
  occurredAt: Date;
  location: string | null;
  description: string | null;
  /** 'YYYY-MM-DD' when the provider gives one. */
  expectedDelivery: string | null;
}

export type WebhookRejectionStatus = 400 | 401 | 403 | 422;

/**
 * A webhook the endpoint must refuse. `status` is the HTTP status to answer with; `field` names what
 * was wrong: 'body' for an unreadable body, a field path such as 'msg.tracking_number' or
 * 'events[2].status' for a 422, the header name for a 401 ('aftership-hmac-sha256', 'x-signature'),
 * 'ip' for a 403. Messages never echo secrets or signatures.
 */
export class WebhookRejected extends Error {
  constructor(
    readonly status: WebhookRejectionStatus,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

export interface VerifyInput {
  /** The request body exactly as received (signatures are over these bytes, never re-serialised JSON). */
  rawBody: Buffer;
  /** Request headers; looked up case-insensitively. */
  headers: Record<string, string | undefined>;
  /** Shared secrets of the integration; several during a rotation, any one may match. */
  secrets: string[];
  now: Date;
  /** Source address of the request (IPv4, IPv6 or IPv4-mapped IPv6). */
  ip?: string;
  /** When non-empty, `ip` must be one of these addresses or inside one of these CIDR ranges (403 otherwise). */
  allowedIps?: string[];
}

export interface CourierProviderAdapter {
  provider: CourierProvider;
  /** Throws WebhookRejected(401) for a missing/bad/stale signature (constant-time compares), 403 for a disallowed IP. */
  verify(input: VerifyInput): void;
  /** Throws WebhookRejected(400, 'body') for an unreadable body, 422 naming the field path for invalid content. */
  parse(rawBody: Buffer): NormalizedScan[];
  /** Body to answer with on success. */
  ackBody(): unknown;
}

/** The API error body for a refused webhook; `what` names the sender in Korean and English. */
export function webhookRejectionBody(err: WebhookRejected, what: { ko: string; en: string }) {
  const code =
    err.status === 401 ? 'UNAUTHENTICATED' : err.status === 403 ? 'FORBIDDEN' : err.status === 422 ? 'VALIDATION_FAILED' : 'MALFORMED_REQUEST';
  return {
    code,
    message: `${what.ko} 요청을 받을 수 없습니다 (${err.field}). / ${what.en} rejected (${err.field}): ${err.message}`,
    errors: { [err.field]: err.message },
  };
}
