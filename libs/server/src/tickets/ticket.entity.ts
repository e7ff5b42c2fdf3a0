import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type {
  OrderItem,
  PaymentMethod,
  TicketChannel,
  TicketPriority,
  TicketStatus,
  TicketType,
} from '@shopdesk/contracts/tickets';
import {
  PAYMENT_METHODS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@shopdesk/contracts/tickets';
import { bigintToNumber } from '../core/db/transformers';
import { UserEntity } from '../users/user.entity';

@Entity({ name: 'tickets' })
@Check('tickets_customer_locale_check', "(customer_locale = ANY (ARRAY['ko'::text, 'en'::text]))")
// Indexes with DESC columns are written in the migration; TypeORM only knows their names.
@Index('tickets_status_priority_created_idx', { synchronize: false })
@Index('tickets_assignee_status_idx', { synchronize: false })
@Index('tickets_created_at_idx', { synchronize: false })
@Index('tickets_updated_at_idx', { synchronize: false })
@Index('tickets_type_status_idx', { synchronize: false })
@Index('tickets_tags_idx', { synchronize: false })
@Index('tickets_order_number_idx', { synchronize: false })
@Index('tickets_waybill_number_idx', { synchronize: false })
@Index('tickets_next_deadline_idx', { synchronize: false })
@Index('tickets_template_key_idx', { synchronize: false })
@Index('tickets_sla_due_idx', { synchronize: false })
@Index('tickets_courier_waybill_idx', { synchronize: false })
// Korean n-gram search (migration KoreanSearch, docs/search.md); filled by database triggers.
@Index('tickets_search_idx', { synchronize: false })
@Index('tickets_status_created_idx', { synchronize: false })
@Index('tickets_sla_breached_idx', { synchronize: false })
@Index('tickets_open_assignee_created_idx', { synchronize: false })
@Index('tickets_open_unassigned_created_idx', { synchronize: false })
@Index('tickets_open_deadline_created_idx', { synchronize: false })
@Index('tickets_merged_into_idx', { synchronize: false })
@Unique('tickets_reference_key', ['reference'])
@Check('tickets_order_amount_check', '(order_amount >= 0)')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference, e.g. SD-000123, from the ticket_reference_seq sequence. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'enum', enum: TICKET_TYPES, enumName: 'ticket_type' })
  type: TicketType;

  @Column({ type: 'enum', enum: TICKET_STATUSES, enumName: 'ticket_status', default: 'new' })
  status: TicketStatus;

  @Column({ type: 'enum', enum: TICKET_PRIORITIES, enumName: 'ticket_priority', default: 'normal' })
  priority: TicketPriority;

  @Column({ type: 'enum', enum: TICKET_CHANNELS, enumName: 'ticket_channel' })
  channel: TicketChannel;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'customer_name', type: 'text' })
  customerName: string;

  @Column({ name: 'customer_email', type: 'text', nullable: true })
  customerEmail: string | null;

  @Column({ name: 'customer_phone', type: 'text', nullable: true })
  customerPhone: string | null;

  /** The language the customer wrote in (form locale); mails and the status page use it. */
  @Column({ name: 'customer_locale', type: 'text', default: 'ko' })
  customerLocale: 'ko' | 'en';

  @Column({ name: 'order_number', type: 'text', nullable: true })
  orderNumber: string | null;

  @Column({ name: 'order_items', type: 'jsonb', default: () => "'[]'" })
  orderItems: OrderItem[];

  @Column({ name: 'order_amount', type: 'bigint', nullable: true, transformer: bigintToNumber })
  orderAmount: number | null;

  @Column({ type: 'char', length: 3, default: 'KRW' })
  currency: 'KRW';

  @Column({ name: 'payment_method', type: 'enum', enum: PAYMENT_METHODS, enumName: 'payment_method', nullable: true })
  paymentMethod: PaymentMethod | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'courier_code', type: 'text', nullable: true })
  courierCode: string | null;

  @Column({ name: 'waybill_number', type: 'text', nullable: true })
  waybillNumber: string | null;

  @Column({ name: 'expected_delivery_date', type: 'date', nullable: true })
  expectedDeliveryDate: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'tickets_assignee_id_fkey' })
  assignee?: UserEntity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'template_key', type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ name: 'next_deadline_at', type: 'timestamptz', nullable: true })
  nextDeadlineAt: Date | null;

  /** Earliest due time among the ticket's running SLA timers (null when none runs). */
  @Column({ name: 'sla_due_at', type: 'timestamptz', nullable: true })
  slaDueAt: Date | null;

  @Column({ name: 'sla_breached', type: 'boolean', default: false })
  slaBreached: boolean;

  /** Maintained by triggers only (never selected, inserted or updated by the app). */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  /** N-grams of the ticket's message bodies, rebuilt by the ticket_messages triggers. */
  @Column({ name: 'message_search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  messageSearchVector?: string | null;

  /** The surviving ticket when this one was merged (then closed); see libs/server/src/merge. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'tickets_merged_into_id_fkey' })
  mergedInto?: TicketEntity | null;
}
