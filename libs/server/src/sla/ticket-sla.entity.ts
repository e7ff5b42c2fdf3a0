import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SLA_STATES, SLA_TARGETS, type SlaRung, type SlaState, type SlaTarget } from '@shopdesk/contracts/sla';
import { numericToNumber } from '../core/db/transformers';
import { TicketEntity } from '../tickets/ticket.entity';
import { SlaPolicyEntity } from './sla-policy.entity';

/** One SLA timer of a ticket: the source of truth; Redis only holds the jobs that fire its rungs. */
@Entity({ name: 'ticket_sla' })
@Index('ticket_sla_live_idx', { synchronize: false })
export class TicketSlaEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @PrimaryColumn({ type: 'enum', enum: SLA_TARGETS, enumName: 'sla_target' })
  target: SlaTarget;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_sla_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @ManyToOne(() => SlaPolicyEntity)
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'ticket_sla_policy_id_fkey' })
  policy?: SlaPolicyEntity;

  /** Bumped whenever the due time moves; jobs of older plans are stale and do nothing. */
  @Column({ name: 'plan_version', type: 'integer', default: 1 })
  planVersion: number;

  @Column({ type: 'boolean' })
  business: boolean;

  @Column({ name: 'target_minutes', type: 'numeric', transformer: numericToNumber })
  targetMinutes: number;

  @Column({ type: 'enum', enum: SLA_STATES, enumName: 'sla_state' })
  state: SlaState;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** Paused time so far, in the timer's own clock (business or calendar minutes). */
  @Column({ name: 'paused_minutes', type: 'numeric', default: 0, transformer: numericToNumber })
  pausedMinutes: number;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt: Date | null;

  @Column({ name: 'rungs_done', type: 'text', array: true, default: () => "'{}'" })
  rungsDone: SlaRung[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
