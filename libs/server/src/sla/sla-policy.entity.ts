import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { SlaLadder, SlaPolicyFilter, SlaPolicyRecord } from '@shopdesk/contracts/sla';
import type { TicketStatus } from '@shopdesk/contracts/tickets';
import { BusinessCalendarEntity } from './business-calendar.entity';

/** Ordered: the first active policy whose filter matches a ticket applies to it. */
@Entity({ name: 'sla_policies' })
@Unique('sla_policies_key_key', ['key'])
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: SlaPolicyFilter;

  @Column({ type: 'jsonb' })
  targets: SlaPolicyRecord['targets'];

  @Column({ name: 'pause_statuses', type: 'text', array: true, default: () => "'{pending_customer,pending_courier}'" })
  pauseStatuses: TicketStatus[];

  @Column({ type: 'jsonb' })
  ladder: SlaLadder;

  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId: string;

  @ManyToOne(() => BusinessCalendarEntity)
  @JoinColumn({ name: 'calendar_id', foreignKeyConstraintName: 'sla_policies_calendar_id_fkey' })
  calendar?: BusinessCalendarEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
