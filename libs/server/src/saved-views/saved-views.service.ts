import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, QueryFailedError } from 'typeorm';
import type { SavedViewInput, SavedViewRecord, SavedViewSort } from '@shopdesk/contracts/saved-views';
import { roleAtLeast } from '@shopdesk/contracts/users';
import type { AuthUser } from '../auth/actor';
import { DomainError } from '../core/errors/domain-error';
import { parseListQuery } from '../core/http/list-query';
import { TICKET_LIST_SPEC } from '../tickets/tickets.service';
import { SavedViewEntity } from './saved-view.entity';

/**
 * Saved ticket-list views. Everyone sees their own and the shared ones; owners change their own
 * private views; only leads and admins share a view or change a shared one.
 */
@Injectable()
export class SavedViewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: AuthUser, page: { offset: number; limit: number }): Promise<{ rows: SavedViewRecord[]; total: number }> {
    const qb = this.db
      .getRepository(SavedViewEntity)
      .createQueryBuilder('v')
      .leftJoinAndSelect('v.owner', 'owner')
      .where(new Brackets((w) => w.where('v.owner_id = :me', { me: user.id }).orWhere('v.shared')))
      .orderBy('v.shared', 'DESC')
      .addOrderBy('v.name', 'ASC')
      .addOrderBy('v.id', 'ASC');
    const [rows, total] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
    return { rows: rows.map((v) => toRecord(v, user)), total };
  }

  async get(user: AuthUser, id: string): Promise<SavedViewRecord> {
    return toRecord(await this.visible(user, id), user);
  }

  async create(user: AuthUser, input: SavedViewInput): Promise<SavedViewRecord> {
    checkAgainstTicketList(input.filter, input.sort ?? null);
    if (input.shared && !roleAtLeast(user.role, 'lead')) throw shareForbidden();
    const repo = this.db.getRepository(SavedViewEntity);
    const view = repo.create({
      ownerId: user.id,
      name: input.name.trim(),
      filter: input.filter,
      sort: input.sort ?? null,
      shared: input.shared ?? false,
    });
    await repo.save(view).catch(mapNameTaken);
    return this.get(user, view.id);
  }

  async update(user: AuthUser, id: string, patch: Partial<SavedViewInput>): Promise<SavedViewRecord> {
    const view = await this.visible(user, id);
    if (!canEdit(view, user)) throw editForbidden();
    if (patch.shared === true && !roleAtLeast(user.role, 'lead')) throw shareForbidden();
    const filter = patch.filter ?? view.filter;
    const sort = patch.sort === undefined ? view.sort : patch.sort;
    checkAgainstTicketList(filter, sort);
    const { owner: _owner, ...row } = view;
    Object.assign(row, { name: patch.name?.trim() ?? view.name, filter, sort, shared: patch.shared ?? view.shared });
    await this.db.getRepository(SavedViewEntity).save(row).catch(mapNameTaken);
    // Not `get`: a lead who un-shares someone else's view no longer sees it, but gets the result.
    return toRecord({ ...view, ...row }, user);
  }

  async remove(user: AuthUser, id: string): Promise<SavedViewRecord> {
    const view = await this.visible(user, id);
    if (!canEdit(view, user)) throw editForbidden();
    await this.db.getRepository(SavedViewEntity).delete({ id });
    return toRecord(view, user);
  }

  /** A view the user may see (own or shared); anything else is the same 404. */
  private async visible(user: AuthUser, id: string): Promise<SavedViewEntity> {
    const view = await this.db.getRepository(SavedViewEntity).findOne({ where: { id }, relations: { owner: true } });
    if (!view || (view.ownerId !== user.id && !view.shared)) {
      throw new DomainError('NOT_FOUND', '저장된 보기를 찾을 수 없습니다. / Saved view not found.');
    }
    return view;
  }
}

function canEdit(view: SavedViewEntity, user: AuthUser): boolean {
  if (roleAtLeast(user.role, 'lead')) return view.ownerId === user.id || view.shared;
  return view.ownerId === user.id && !view.shared;
}

/** The same allowlist and value rules as `GET /tickets`, so a saved view always loads. */
function checkAgainstTicketList(filter: Record<string, unknown>, sort: SavedViewSort | null): void {
  parseListQuery(
    { filter: JSON.stringify(filter), sort: sort ? JSON.stringify([sort.field, sort.order]) : undefined },
    TICKET_LIST_SPEC,
  );
}

function toRecord(v: SavedViewEntity, user: AuthUser): SavedViewRecord {
  return {
    id: v.id,
    ownerId: v.ownerId,
    ownerName: v.owner?.name ?? '',
    name: v.name,
    filter: v.filter,
    sort: v.sort,
    shared: v.shared,
    createdAt: v.createdAt.toISOString(),
    canEdit: canEdit(v, user),
  };
}

function shareForbidden(): DomainError {
  return new DomainError('FORBIDDEN', '보기 공유는 팀장과 관리자만 할 수 있습니다. / Only leads and admins can share a view.');
}

function editForbidden(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    '이 보기를 수정할 권한이 없습니다. / You may not change this view (shared views: leads and admins only).',
  );
}

function mapNameTaken(e: unknown): never {
  if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
    throw new DomainError('VALIDATION_FAILED', '같은 이름의 보기가 이미 있습니다. / You already have a view with this name.', {
      name: '같은 이름의 보기가 이미 있습니다. / You already have a view with this name.',
    });
  }
  throw e;
}
