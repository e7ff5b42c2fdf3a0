import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '@shopdesk/contracts/users';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';

/** In-app notifications, to one agent or to everyone with a role (e-mail delivery comes later). */
@Entity({ name: 'notifications' })
@Index('notifications_recipient_idx', { synchronize: false })
@Index('notifications_role_idx', { synchronize: false })
@Check('notifications_recipient_check', '((recipient_id IS NOT NULL) OR (recipient_role IS NOT NULL))')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid', nullable: true })
  recipientId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notifications_recipient_id_fkey' })
  recipient?: UserEntity;

  @Column({ name: 'recipient_role', type: 'enum', enum: ['agent', 'lead', 'admin'], enumName: 'user_role', nullable: true })
  recipientRole: UserRole | null;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'notifications_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'title_ko', type: 'text' })
  titleKo: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
