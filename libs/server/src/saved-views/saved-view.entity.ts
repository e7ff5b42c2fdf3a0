import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SavedViewSort } from '@shopdesk/contracts/saved-views';
import { UserEntity } from '../users/user.entity';

/** A ticket-list filter + sort an agent saved under a name; leads may share it with everyone. */
@Entity({ name: 'saved_views' })
@Unique('saved_views_owner_name_key', ['ownerId', 'name'])
@Index('saved_views_shared_idx', { synchronize: false })
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'saved_views_owner_id_fkey' })
  owner?: UserEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  sort: SavedViewSort | null;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
