import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { WeeklyHours } from './business-calendar';

@Entity({ name: 'business_calendars' })
@Unique('business_calendars_key_key', ['key'])
export class BusinessCalendarEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'weekly_hours', type: 'jsonb' })
  weeklyHours: WeeklyHours;

  @Column({ name: 'closed_days', type: 'jsonb', default: () => "'[]'" })
  closedDays: string[];

  @Column({ name: 'public_holidays', type: 'boolean', default: true })
  publicHolidays: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
