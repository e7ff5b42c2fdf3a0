import type { ChipProps } from '@mui/material';
import {
  SHIPMENT_STATUS_LABELS,
  courierByCode,
  isShipmentStatus,
  isTerminalShipmentStatus,
} from '@shopdesk/contracts/couriers';
import { langOf } from '../scenarios/scenario-format';
import type { ShipmentEventRecord } from './types';

// Pure helpers of the "배송 조회" section: status colours and labels, courier names, dates.

/** The chip colour of a shipment status: delivered green, failures red, a failed attempt amber. */
export function shipmentStatusColor(status: string): NonNullable<ChipProps['color']> {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'exception':
    case 'lost':
    case 'returned_to_sender':
    case 'expired':
      return 'error';
    case 'attempt_failed':
      return 'warning';
    case 'out_for_delivery':
    case 'available_for_pickup':
      return 'info';
    default:
      return 'default';
  }
}

/** "배송완료" / "Delivered"; an unknown status is shown as sent. */
export function shipmentStatusLabel(status: string, locale: string | undefined): string {
  return isShipmentStatus(status) ? SHIPMENT_STATUS_LABELS[status][langOf(locale)] : status;
}

/** True once the status ends tracking (no more scans expected); false for unknown statuses. */
export function isFinalShipmentStatus(status: string): boolean {
  return isShipmentStatus(status) && isTerminalShipmentStatus(status);
}

/** "롯데택배" / "Lotte Global Logistics"; an unknown code is shown as sent. */
export function courierName(code: string, locale: string | undefined): string {
  const courier = courierByCode(code);
  return courier ? courier.name[langOf(locale)] : code;
}

/** An older scan that reached us after a newer one: shown, but it did not move the shipment. */
export const isOutOfOrder = (event: Pick<ShipmentEventRecord, 'outcome'>) => event.outcome === 'out_of_order';

const KST_OFFSET_MS = 9 * 3_600_000;

/**
 * The expected delivery as a 'YYYY-MM-DD' calendar date. The API sends a date; should a driver
 * turn it into a timestamp (local midnight of the server), the KST date of that instant is the
 * same calendar day for any server time zone from UTC−12 to UTC+9.
 */
export function expectedDeliveryDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Date(time + KST_OFFSET_MS).toISOString().slice(0, 10);
}
