import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { USER_ROLES } from '@shopdesk/contracts/users';
import type { UserRecord, UserRole } from '@shopdesk/contracts/users';
import { containsPattern } from '../core/db/like-pattern';
import { DomainError } from '../core/errors/domain-error';
import { ListQuery, ListQuerySpec } from '../core/http/list-query';
import { hashPassword } from './password';
import { UserEntity } from './user.entity';
import { toUserRecord } from './user.mapper';

export const USER_LIST_SPEC = {
  sortFields: ['name', 'email', 'role', 'createdAt'] as const,
  defaultSort: { field: 'name' as const, order: 'ASC' as const },
  filters: {
    q: { kind: 'text' as const, maxLength: 100 },
    id: { kind: 'uuid' as const, multiple: true },
    role: { kind: 'enum' as const, values: USER_ROLES, multiple: true },
    active: { kind: 'boolean' as const },
  },
} satisfies ListQuerySpec<string, string>;

type UserListQuery = ListQuery<
  (typeof USER_LIST_SPEC.sortFields)[number],
  keyof typeof USER_LIST_SPEC.filters & string
>;

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  active?: boolean;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async list(query: UserListQuery): Promise<{ rows: UserRecord[]; total: number }> {
    const qb = this.users.createQueryBuilder('u');
    const f = query.filter;
    if (typeof f.q === 'string') {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: containsPattern(f.q) });
    }
    if (f.id !== undefined) qb.andWhere('u.id IN (:...ids)', { ids: [f.id].flat() });
    if (f.role !== undefined) qb.andWhere('u.role IN (:...roles)', { roles: [f.role].flat() });
    if (typeof f.active === 'boolean') qb.andWhere('u.active = :active', { active: f.active });
    // The users table is small (one row per agent), so an exact count is fine here.
    const [rows, total] = await qb
      .orderBy(`u.${query.sort.field}`, query.sort.order)
      .addOrderBy('u.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { rows: rows.map(toUserRecord), total };
  }

  async get(id: string): Promise<UserRecord> {
    return toUserRecord(await this.find(id));
  }

  async find(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainError('USER_NOT_FOUND', `사용자를 찾을 수 없습니다. / User ${id} not found.`);
    return user;
  }

  async findActiveByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids), active: true }) : [];
  }

  async create(input: NewUser): Promise<UserRecord> {
    const entity = this.users.create({
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      active: input.active ?? true,
      passwordHash: await hashPassword(input.password),
    });
    try {
      return toUserRecord(await this.users.save(entity));
    } catch (e) {
      throw mapUniqueEmail(e);
    }
  }

  async update(
    id: string,
    patch: { name?: string; role?: UserRole; active?: boolean; password?: string },
    byUserId: string,
  ): Promise<UserRecord> {
    const user = await this.find(id);
    if (id === byUserId && (patch.active === false || (patch.role && patch.role !== user.role))) {
      throw new DomainError(
        'FORBIDDEN',
        '자기 자신의 역할을 바꾸거나 비활성화할 수 없습니다. / You cannot change your own role or deactivate yourself.',
      );
    }
    if (patch.name !== undefined) user.name = patch.name.trim();
    if (patch.role !== undefined) user.role = patch.role;
    if (patch.active !== undefined) user.active = patch.active;
    if (patch.password !== undefined) user.passwordHash = await hashPassword(patch.password);
    await this.users.manager.transaction(async (m) => {
      await m.save(user);
      // Deactivation or a new password ends every open session of that user at once.
      if (patch.active === false || patch.password !== undefined) {
        await m.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
      }
    });
    return toUserRecord(user);
  }
}

function mapUniqueEmail(e: unknown): unknown {
  if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
    return new DomainError('EMAIL_TAKEN', '이미 사용 중인 이메일입니다. / That e-mail is already in use.', {
      email: 'already in use',
    });
  }
  return e;
}
