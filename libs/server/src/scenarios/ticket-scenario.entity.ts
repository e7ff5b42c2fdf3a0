import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import type { ResolutionCode } from '@shopdesk/contracts/scenarios';
import { TicketEntity } from '../tickets/ticket.entity';
import { ScenarioTemplateEntity } from './scenario-template.entity';

export interface ChecklistMark {
  done: boolean;
  by: string;
  byName: string;
  at: string;
}

export interface StoredDeadline {
  id: string;
  dueAt: string | null;
  warnAt: string | null;
}

export interface StoredResolution {
  code: ResolutionCode;
  amount: number | null;
  reasonCode: string | null;
  note: string | null;
  at: string;
  by: string;
}

/** The template applied to a ticket (pinned version) and the work done under it. */
@Entity({ name: 'ticket_scenarios' })
export class TicketScenarioEntity {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @OneToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_scenarios_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne(() => ScenarioTemplateEntity)
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'ticket_scenarios_template_id_fkey' })
  template?: ScenarioTemplateEntity;

  @Column({ name: 'field_values', type: 'jsonb', default: () => "'{}'" })
  fieldValues: Record<string, any>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  checklist: Record<string, ChecklistMark>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  deadlines: StoredDeadline[];

  @Column({ type: 'jsonb', nullable: true })
  resolution: StoredResolution | null;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;

  @Column({ name: 'applied_by', type: 'uuid', nullable: true })
  appliedBy: string | null;
}
