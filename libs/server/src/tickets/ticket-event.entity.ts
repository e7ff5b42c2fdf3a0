import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEntity } from './ticket.entity';
import type { TicketEventKind } from '@shopdesk/contracts/tickets';
import type { AuthorType } from './ticket-message.entity';

/** Append-only audit log; a trigger in the schema rejects UPDATE and DELETE. */
@Entity({ name: 'ticket_events' })
@Index('ticket_events_ticket_id_idx', { synchronize: false })
export class TicketEventEntity {
  /** bigint identity: gives a total order and a compact id for job ids. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => TicketEntity)
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_events_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'text' })
  kind: TicketEventKind;

  @Column({ name: 'actor_type', type: 'enum', enum: ['agent', 'customer', 'system'], enumName: 'actor_type' })
  actorType: AuthorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  // `any` values: TypeORM's insert typing rejects `unknown` inside jsonb objects.
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, any> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, any> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
