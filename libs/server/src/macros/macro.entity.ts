import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A canned reply: personal to its owner, or shared with the team (only leads and admins share). */
@Entity({ name: 'macros' })
@Index('macros_owner_idx', { synchronize: false })
@Index('macros_shared_idx', { synchronize: false })
export class MacroEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'macros_owner_id_fkey' })
  owner?: UserEntity;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'body_ko', type: 'text' })
  bodyKo: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
