import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CourierProvider, ShipmentStatus } from '@shopdesk/contracts/couriers';
import { ShipmentEntity, STATUS_CHECK } from './shipment.entity';

/** One accepted scan, stored before it is acknowledged; unique per provider event id. */
@Entity({ name: 'courier_events' })
@Unique('courier_events_provider_event_key', ['provider', 'eventId'])
@Index('courier_events_waybill_idx', { synchronize: false })
@Index('courier_events_unapplied_idx', { synchronize: false })
@Check('courier_events_status_check', STATUS_CHECK)
export class CourierEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  provider: CourierProvider;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'courier_code', type: 'text' })
  courierCode: string;

  @Column({ type: 'text' })
  waybill: string;

  @Column({ type: 'text' })
  status: ShipmentStatus;

  @Column({ name: 'raw_status', type: 'text' })
  rawStatus: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'expected_delivery', type: 'date', nullable: true })
  expectedDelivery: string | null;

  @Column({ type: 'jsonb' })
  raw: Record<string, any>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  @ManyToOne(() => ShipmentEntity)
  @JoinColumn({ name: 'shipment_id', foreignKeyConstraintName: 'courier_events_shipment_id_fkey' })
  shipment?: ShipmentEntity | null;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  /** applied | out_of_order (kept in history, status not moved) */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
