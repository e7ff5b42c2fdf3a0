import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, Check } from 'typeorm';
import type { TemplateDefinition } from '@shopdesk/contracts/scenarios';
import { TICKET_TYPES, type TicketType } from '@shopdesk/contracts/tickets';
import { UserEntity } from '../users/user.entity';

/** One version of a scenario template. Rows are never edited: a change inserts the next version. */
@Entity({ name: 'scenario_templates' })
@Unique('scenario_templates_key_version_key', ['key', 'version'])
@Check('scenario_templates_version_check', '(version >= 1)')
export class ScenarioTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'enum', enum: TICKET_TYPES, enumName: 'ticket_type' })
  type: TicketType;

  @Column({ name: 'title_ko', type: 'text' })
  titleKo: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'jsonb' })
  definition: TemplateDefinition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'scenario_templates_created_by_fkey' })
  creator?: UserEntity | null;
}
