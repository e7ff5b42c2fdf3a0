import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketType } from '@shopdesk/contracts/tickets';
import { TICKET_TYPES } from '@shopdesk/contracts/tickets';

/** Per-day (Asia/Seoul) intake and resolution counts, projected from ticket_events by the worker. */
@Entity({ name: 'ticket_stats_daily' })
export class TicketStatsDailyEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'enum', enum: TICKET_TYPES, enumName: 'ticket_type' })
  type: TicketType;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount: number;

  @Column({ name: 'resolved_count', type: 'integer', default: 0 })
  resolvedCount: number;
}
