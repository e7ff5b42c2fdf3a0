import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ShipmentStatus } from '@shopdesk/contracts/couriers';
import { DomainError } from '../core/errors/domain-error';

export interface ShipmentRecord {
  id: string;
  courierCode: string;
  waybill: string;
  status: ShipmentStatus;
  rawStatus: string;
  lastEventAt: string;
  expectedDelivery: string | null;
  events: {
    id: string;
    provider: string;
    status: ShipmentStatus;
    rawStatus: string;
    occurredAt: string;
    location: string | null;
    description: string | null;
    outcome: string | null;
  }[];
}

@Injectable()
export class ShipmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forTicket(ticketId: string): Promise<ShipmentRecord[]> {
    const [t] = (await this.db.query(`SELECT courier_code, waybill_number FROM tickets WHERE id = $1`, [ticketId])) as {
      courier_code: string | null;
      waybill_number: string | null;
    }[];
    if (!t) throw new DomainError('TICKET_NOT_FOUND', `티켓을 찾을 수 없습니다. / Ticket ${ticketId} not found.`);
    if (!t.waybill_number) return [];
    const shipments = (await this.db.query(
      `SELECT id, courier_code, waybill, status, raw_status, last_event_at, to_char(expected_delivery, 'YYYY-MM-DD') AS expected_delivery
         FROM shipments WHERE waybill = $1 AND ($2::text IS NULL OR courier_code = $2) ORDER BY last_event_at DESC LIMIT 5`,
      [t.waybill_number, t.courier_code],
    )) as Record<string, unknown>[];
    const out: ShipmentRecord[] = [];
    for (const s of shipments) {
      const events = (await this.db.query(
        `SELECT id, provider, status, raw_status, occurred_at, location, description, outcome
           FROM courier_events WHERE shipment_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 200`,
        [s.id],
      )) as Record<string, unknown>[];
      out.push({
        id: String(s.id),
        courierCode: String(s.courier_code),
        waybill: String(s.waybill),
        status: s.status as ShipmentStatus,
        rawStatus: String(s.raw_status),
        lastEventAt: new Date(s.last_event_at as string).toISOString(),
        expectedDelivery: (s.expected_delivery as string | null) ?? null,
        events: events.map((e) => ({
          id: String(e.id),
          provider: String(e.provider),
          status: e.status as ShipmentStatus,
          rawStatus: String(e.raw_status),
          occurredAt: new Date(e.occurred_at as string).toISOString(),
          location: (e.location as string | null) ?? null,
          description: (e.description as string | null) ?? null,
          outcome: (e.outcome as string | null) ?? null,
        })),
      });
    }
    return out;
  }
}
