import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { MailLocale, OutboundMailKind, OutboundMailStatus } from '@shopdesk/contracts/mail';
import { TicketEntity } from '../tickets/ticket.entity';

/** One e-mail: queued in the triggering change's transaction, sent (or not) by the worker. */
@Entity({ name: 'outbound_messages' })
@Unique('outbound_messages_dedupe_key_key', ['dedupeKey'])
@Index('outbound_messages_ticket_idx', { synchronize: false })
@Check(
  'outbound_messages_kind_check',
  "(kind = ANY (ARRAY['confirmation'::text, 'agent_reply'::text, 'resolution'::text, 'sla_escalation'::text, 'access_link'::text]))",
)
@Check('outbound_messages_locale_check', "(locale = ANY (ARRAY['ko'::text, 'en'::text]))")
@Check('outbound_messages_status_check', "(status = ANY (ARRAY['queued'::text, 'sent'::text, 'failed'::text, 'not_sent'::text]))")
export class OutboundMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'outbound_messages_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'text' })
  kind: OutboundMailKind;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  locale: MailLocale;

  @Column({ type: 'text' })
  subject: string;

  /** Plain text; the private status link is stored as `{{statusUrl}}` and filled at send time. */
  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ type: 'text', default: 'queued' })
  status: OutboundMailStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** SMTP tries so far (a `not_sent` mail has none). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'smtp_message_id', type: 'text', nullable: true })
  smtpMessageId: string | null;

  /** What triggered the mail (`agent_reply:<messageId>`): each trigger queues at most one. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
