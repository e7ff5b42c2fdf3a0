// Couriers and shipment statuses, as the API, the worker and the admin see them.
// Courier codes are Sweet Tracker's (스마트택배) two-digit company codes where one exists, so a
// Sweet Tracker callback maps without a lookup table; 'other' catches everything else.

export const SHIPMENT_STATUSES = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_failed',
  'delivered',
  'available_for_pickup',
  'exception',
  'lost',
  'returned_to_sender',
  'expired',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

export const COURIER_PROVIDERS = ['aftership', 'sweettracker', 'generic'] as const;
export type CourierProvider = (typeof COURIER_PROVIDERS)[number];

export function isCourierProvider(value: unknown): value is CourierProvider {
  return typeof value === 'string' && (COURIER_PROVIDERS as readonly string[]).includes(value);
}

export interface CourierInfo {
  /** Our code: Sweet Tracker's company code where it has one, else a lower-case word ('other'). */
  code: string;
  name: { ko: string; en: string };
  /**
   * AfterShip courier slugs that mean this courier. Only slugs found in AfterShip's courier list are
   * listed; an empty list means AfterShip traffic for the courier arrives under a slug we do not know
   * yet and is filed as 'other' (with the slug kept in the raw payload).
   */
  aftershipSlugs: string[];
  /** Sweet Tracker (스마트택배) company code, or null when Sweet Tracker has none. */
  sweetTrackerCode: string | null;
  /** Advisory waybill shape (RegExp source, digits without dashes) for UI hints; parsers never enforce it. */
  waybillPattern: string;
}

export const OTHER_COURIER_CODE = 'other';

export const COURIERS: CourierInfo[] = [
  {
    code: '01',
    name: { ko: '우체국택배', en: 'Korea Post' },
    aftershipSlugs: ['kpost'],
    sweetTrackerCode: '01',
    waybillPattern: '^\\d{13}$',
  },
  {
    code: '04',
    name: { ko: 'CJ대한통운', en: 'CJ Logistics' },
    aftershipSlugs: ['cj-gls'],
    sweetTrackerCode: '04',
    waybillPattern: '^(\\d{10}|\\d{12})$',
  },
  {
    code: '05',
    name: { ko: '한진택배', en: 'Hanjin Express' },
    aftershipSlugs: [],
    sweetTrackerCode: '05',
    waybillPattern: '^(\\d{10}|\\d{12})$',
  },
  {
    code: '06',
    name: { ko: '로젠택배', en: 'Logen' },
    aftershipSlugs: [],
    sweetTrackerCode: '06',
    waybillPattern: '^\\d{11}$',
  },
  {
    code: '08',
    name: { ko: '롯데택배', en: 'Lotte Global Logistics' },
    aftershipSlugs: ['lotte'],
    sweetTrackerCode: '08',
    waybillPattern: '^\\d{12,13}$',
  },
  {
    code: '11',
    name: { ko: '일양로지스', en: 'Ilyang Logis' },
    aftershipSlugs: [],
    sweetTrackerCode: '11',
    waybillPattern: '^\\d{8,14}$',
  },
  {
    code: '12',
    name: { ko: '우체국 EMS', en: 'Korea Post EMS' },
    aftershipSlugs: ['korea-post'],
    sweetTrackerCode: '12',
    waybillPattern: '^[A-Z]{2}\\d{9}[A-Z]{2}$',
  },
  {
    code: '23',
    name: { ko: '경동택배', en: 'Kyungdong Express' },
    aftershipSlugs: [],
    sweetTrackerCode: '23',
    waybillPattern: '^\\d{8,14}$',
  },
  {
    code: '24',
    name: { ko: 'GS Postbox 택배 (CVSnet)', en: 'GS Postbox (CVSnet)' },
    aftershipSlugs: [],
    sweetTrackerCode: '24',
    waybillPattern: '^\\d{8,14}$',
  },
  {
    code: OTHER_COURIER_CODE,
    name: { ko: '기타 택배사', en: 'Other courier' },
    aftershipSlugs: [],
    sweetTrackerCode: null,
    waybillPattern: '^[A-Za-z0-9-]{4,40}$',
  },
];

export function courierByCode(code: string): CourierInfo | undefined {
  return COURIERS.find((c) => c.code === code);
}

/** Slugs are case-sensitive in AfterShip; we compare case-insensitively anyway. */
export function courierByAftershipSlug(slug: string): CourierInfo | undefined {
  const s = slug.trim().toLowerCase();
  return COURIERS.find((c) => c.aftershipSlugs.includes(s));
}

/** Accepts '4' as well as '04' (form-encoded callbacks sometimes drop the zero). */
export function courierBySweetTrackerCode(code: string): CourierInfo | undefined {
  const s = code.trim();
  const padded = /^\d$/.test(s) ? `0${s}` : s;
  return COURIERS.find((c) => c.sweetTrackerCode !== null && c.sweetTrackerCode === padded);
}

/** Status labels ko/en for UIs. */
export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, { ko: string; en: string }> = {
  info_received: { ko: '배송준비중', en: 'Info received' },
  in_transit: { ko: '배송중', en: 'In transit' },
  out_for_delivery: { ko: '배송출발', en: 'Out for delivery' },
  attempt_failed: { ko: '배달 실패', en: 'Delivery attempt failed' },
  delivered: { ko: '배송완료', en: 'Delivered' },
  available_for_pickup: { ko: '수령 대기', en: 'Available for pickup' },
  exception: { ko: '배송 이상', en: 'Exception' },
  lost: { ko: '분실', en: 'Lost' },
  returned_to_sender: { ko: '반송', en: 'Returned to sender' },
  expired: { ko: '추적 만료', en: 'Tracking expired' },
};

const TERMINAL: ReadonlySet<ShipmentStatus> = new Set<ShipmentStatus>([
  'delivered',
  'returned_to_sender',
  'expired',
  'lost',
]);

/** True for terminal statuses that end tracking (delivered, returned_to_sender, expired, lost). */
export function isTerminalShipmentStatus(s: ShipmentStatus): boolean {
  return TERMINAL.has(s);
}
