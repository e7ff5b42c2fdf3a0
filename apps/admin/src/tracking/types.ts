import type { ShipmentStatus } from '@shopdesk/contracts/couriers';

// GET /tickets/:id/shipments (libs/server/src/couriers/shipments.service.ts): the tracked
// shipments of the ticket's waybill, newest first, each with its scans, newest first.

/** 'applied' moved the shipment; 'out_of_order' is an older scan that arrived after a newer one. */
export type ScanOutcome = 'applied' | 'out_of_order';

export interface ShipmentEventRecord {
  id: string;
  provider: string;
  status: ShipmentStatus;
  rawStatus: string;
  occurredAt: string;
  location: string | null;
  description: string | null;
  /** null while the worker has not applied the scan yet. */
  outcome: ScanOutcome | string | null;
}

export interface ShipmentRecord {
  id: string;
  courierCode: string;
  waybill: string;
  status: ShipmentStatus;
  rawStatus: string;
  lastEventAt: string;
  /** A calendar date ('2026-11-21'); tolerated as a full timestamp too. */
  expectedDelivery: string | null;
  events: ShipmentEventRecord[];
}
