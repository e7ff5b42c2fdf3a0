import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BulkActionKind, BulkFailure, BulkState } from '@shopdesk/contracts/bulk';
import { UserEntity } from '../users/user.entity';

/** One bulk request and its result (kept in PostgreSQL so it outlives Redis). */
@Entity({ name: 'bulk_actions' })
@Index('bulk_actions_requester_idx', ['requesterId', 'createdAt'])
@Check(
  'bulk_actions_action_check',
  "(action = ANY (ARRAY['assign'::text, 'change_status'::text, 'change_priority'::text, 'add_tag'::text, 'remove_tag'::text, 'apply_template'::text, 'send_reply'::text]))",
)
@Check('bulk_actions_state_check', "(state = ANY (ARRAY['queued'::text, 'running'::text, 'completed'::text, 'failed'::text]))")
export class BulkActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'bulk_actions_requester_id_fkey' })
  requester?: UserEntity;

  @Column({ type: 'text' })
  action: BulkActionKind;

  @Column({ type: 'jsonb' })
  params: Record<string, any>;

  /** What the agent chose: `{ ids }` or `{ filter }` (as sent). */
  @Column({ type: 'jsonb' })
  selection: Record<string, any>;

  /** The selection resolved to ticket ids when the request was made. */
  @Column({ name: 'ticket_ids', type: 'uuid', array: true })
  ticketIds: string[];

  @Column({ type: 'text', default: 'queued' })
  state: BulkState;

  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'done_count', type: 'integer', default: 0 })
  doneCount: number;

  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  failures: BulkFailure[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** A ticket a bulk job has handled; written in the ticket change's transaction (idempotency marker). */
@Entity({ name: 'bulk_action_items' })
@Check('bulk_action_items_outcome_check', "(outcome = ANY (ARRAY['done'::text, 'failed'::text]))")
export class BulkActionItemEntity {
  @PrimaryColumn({ name: 'bulk_action_id', type: 'uuid', primaryKeyConstraintName: 'bulk_action_items_pkey' })
  bulkActionId: string;

  @ManyToOne(() => BulkActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bulk_action_id', foreignKeyConstraintName: 'bulk_action_items_bulk_action_id_fkey' })
  bulkAction?: BulkActionEntity;

  @PrimaryColumn({ name: 'ticket_id', type: 'uuid', primaryKeyConstraintName: 'bulk_action_items_pkey' })
  ticketId: string;

  @Column({ type: 'text' })
  outcome: 'done' | 'failed';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
