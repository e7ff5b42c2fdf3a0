import type { UserRecord } from '@shopdesk/contracts/users';
import type { UserEntity } from './user.entity';

export function toUserRecord(u: UserEntity): UserRecord {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() };
}
