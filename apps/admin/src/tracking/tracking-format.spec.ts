import { SHIPMENT_STATUSES } from '@shopdesk/contracts/couriers';
import {
  courierName,
  expectedDeliveryDate,
  isFinalShipmentStatus,
  isOutOfOrder,
  shipmentStatusColor,
  shipmentStatusLabel,
} from './tracking-format';

describe('shipment status colours', () => {
  it('paints delivered green, failures red and a failed attempt amber', () => {
    expect(shipmentStatusColor('delivered')).toBe('success');
    for (const status of ['exception', 'lost', 'returned_to_sender', 'expired']) {
      expect(shipmentStatusColor(status)).toBe('error');
    }
    expect(shipmentStatusColor('attempt_failed')).toBe('warning');
  });

  it('keeps the ordinary progress neutral and tolerates unknown statuses', () => {
    expect(shipmentStatusColor('info_received')).toBe('default');
    expect(shipmentStatusColor('in_transit')).toBe('default');
    expect(shipmentStatusColor('out_for_delivery')).toBe('info');
    expect(shipmentStatusColor('available_for_pickup')).toBe('info');
    expect(shipmentStatusColor('teleported')).toBe('default');
  });

  it('gives every terminal status but delivered a red chip', () => {
    const terminal = SHIPMENT_STATUSES.filter(isFinalShipmentStatus);
    expect(terminal.map(shipmentStatusColor).sort()).toEqual(['error', 'error', 'error', 'success']);
  });
});

describe('shipment labels', () => {
  it('names statuses in Korean unless the UI is English', () => {
    expect(shipmentStatusLabel('delivered', 'ko')).toBe('배송완료');
    expect(shipmentStatusLabel('delivered', undefined)).toBe('배송완료');
    expect(shipmentStatusLabel('attempt_failed', 'en')).toBe('Delivery attempt failed');
    expect(shipmentStatusLabel('teleported', 'ko')).toBe('teleported');
  });

  it('names couriers by code, and shows an unknown code as sent', () => {
    expect(courierName('08', 'ko')).toBe('롯데택배');
    expect(courierName('08', 'en')).toBe('Lotte Global Logistics');
    expect(courierName('other', 'ko')).toBe('기타 택배사');
    expect(courierName('99', 'en')).toBe('99');
  });

  it('knows the final statuses', () => {
    expect(isFinalShipmentStatus('delivered')).toBe(true);
    expect(isFinalShipmentStatus('lost')).toBe(true);
    expect(isFinalShipmentStatus('attempt_failed')).toBe(false);
    expect(isFinalShipmentStatus('teleported')).toBe(false);
  });

  it('flags out-of-order scans only', () => {
    expect(isOutOfOrder({ outcome: 'out_of_order' })).toBe(true);
    expect(isOutOfOrder({ outcome: 'applied' })).toBe(false);
    expect(isOutOfOrder({ outcome: null })).toBe(false);
  });
});

describe('expected delivery date', () => {
  it('keeps a calendar date as is', () => {
    expect(expectedDeliveryDate('2026-11-21')).toBe('2026-11-21');
    expect(expectedDeliveryDate(null)).toBeNull();
    expect(expectedDeliveryDate('')).toBeNull();
  });

  it('reads a serialized local midnight as the same KST calendar day', () => {
    expect(expectedDeliveryDate('2026-11-21T00:00:00.000Z')).toBe('2026-11-21'); // server in UTC
    expect(expectedDeliveryDate('2026-11-20T15:00:00.000Z')).toBe('2026-11-21'); // server in KST
    expect(expectedDeliveryDate('2026-11-21T05:00:00.000Z')).toBe('2026-11-21'); // server in UTC−5
  });

  it('leaves unreadable text alone', () => {
    expect(expectedDeliveryDate('soon')).toBe('soon');
  });
});
