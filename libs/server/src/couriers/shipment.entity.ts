import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ShipmentStatus } from '@shopdesk/contracts/couriers';

/** The status CHECK as PostgreSQL prints it (so migration:generate sees no difference). */
export const STATUS_CHECK =
  "(status = ANY (ARRAY['info_received'::text, 'in_transit'::text, 'out_for_delivery'::text, 'attempt_failed'::text, 'delivered'::text, 'available_for_pickup'::text, 'exception'::text, 'lost'::text, 'returned_to_sender'::text, 'expired'::text]))";

/** A parcel as the couriers report it; linked to tickets by courier + waybill. */
@Entity({ name: 'shipments' })
@Unique('shipments_courier_waybill_key', ['courierCode', 'waybill'])
@Index('shipments_waybill_idx', { synchronize: false })
@Check('shipments_status_check', STATUS_CHECK)
export class ShipmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'courier_code', type: 'text' })
  courierCode: string;

  @Column({ type: 'text' })
  waybill: string;

  @Column({ type: 'text' })
  status: ShipmentStatus;

  @Column({ name: 'raw_status', type: 'text' })
  rawStatus: string;

  /** Occurred-at of the newest applied scan; older scans never move the status backwards. */
  @Column({ name: 'last_event_at', type: 'timestamptz' })
  lastEventAt: Date;

  @Column({ name: 'expected_delivery', type: 'date', nullable: true })
  expectedDelivery: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
