import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import { TicketEntity } from '../tickets/ticket.entity';

/** Evidence on a ticket; the bytes live in the AttachmentStore under `sha256`. */
@Entity({ name: 'attachments' })
@Index('attachments_ticket_idx', ['ticketId', 'createdAt'])
@Index('attachments_sha256_idx', ['sha256'])
@Check('attachments_uploaded_by_check', "(uploaded_by = ANY (ARRAY['customer'::text, 'agent'::text]))")
@Check('attachments_size_check', '(size > 0)')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'attachments_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @ManyToOne(() => TicketMessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'attachments_message_id_fkey' })
  message?: TicketMessageEntity;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: 'customer' | 'agent';

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
