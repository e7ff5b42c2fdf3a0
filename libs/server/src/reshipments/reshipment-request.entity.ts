import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ReshipmentStatus } from '@shopdesk/contracts/reshipments';
import { TicketEntity } from '../tickets/ticket.entity';

@Entity({ name: 'reshipment_requests' })
@Unique('reshipment_requests_idempotency_key_key', ['idempotencyKey'])
@Index('reshipment_requests_ticket_idx', { synchronize: false })
@Check(
  'reshipment_requests_status_check',
  "(status = ANY (ARRAY['requested'::text, 'sent'::text, 'accepted'::text, 'shipped'::text, 'delivered'::text, 'failed'::text, 'cancelled'::text]))",
)
export class ReshipmentRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'reshipment_requests_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'jsonb' })
  items: { sku: string; qty: number; name?: string }[];

  @Column({ type: 'jsonb', nullable: true })
  address: Record<string, any> | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  status: ReshipmentStatus;

  /** Sent as Idempotency-Key on every attempt: the warehouse creates one order per key. */
  @Column({ name: 'idempotency_key', type: 'uuid' })
  @Generated('uuid')
  idempotencyKey: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'warehouse_ref', type: 'text', nullable: true })
  warehouseRef: string | null;

  @Column({ name: 'courier_code', type: 'text', nullable: true })
  courierCode: string | null;

  @Column({ type: 'text', nullable: true })
  waybill: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
