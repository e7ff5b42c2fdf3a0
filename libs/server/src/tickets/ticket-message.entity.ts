import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';
import type { MessageKind } from '@shopdesk/contracts/tickets';
import { MESSAGE_KINDS } from '@shopdesk/contracts/tickets';

export type AuthorType = 'agent' | 'customer' | 'system';

@Entity({ name: 'ticket_messages' })
@Index('ticket_messages_ticket_created_idx', { synchronize: false })
export class TicketMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_messages_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'enum', enum: MESSAGE_KINDS, enumName: 'message_kind' })
  kind: MessageKind;

  @Column({ name: 'author_type', type: 'enum', enum: ['agent', 'customer', 'system'], enumName: 'actor_type' })
  authorType: AuthorType;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  /** Plain text; UIs render it as text, never as HTML. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
