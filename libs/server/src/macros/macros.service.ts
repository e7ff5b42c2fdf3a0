import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { macroVariableErrors, type MacroInput, type MacroRecord } from '@shopdesk/contracts/macros';
import { roleAtLeast } from '@shopdesk/contracts/users';
import type { AuthUser } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { containsPattern } from '../core/db/like-pattern';
import { DomainError } from '../core/errors/domain-error';
import type { ListQuery } from '../core/http/list-query';
import { renderReply } from '../scenarios/reply-renderer';
import { TicketsService } from '../tickets/tickets.service';
import { MacroEntity } from './macro.entity';

export const MACRO_SORT_FIELDS = ['title', 'createdAt', 'updatedAt'] as const;
export type MacroSortField = (typeof MACRO_SORT_FIELDS)[number];
export type MacroFilterField = 'q' | 'shared' | 'mine';

const SORT_COLUMN: Record<MacroSortField, string> = {
  title: 'm.title',
  createdAt: 'm.created_at',
  updatedAt: 'm.updated_at',
};

function toRecord(m: MacroEntity): MacroRecord {
  return {
    id: m.id,
    ownerId: m.ownerId,
    ownerName: m.owner?.name ?? null,
    shared: m.shared,
    title: m.title,
    body: { ko: m.bodyKo, en: m.bodyEn },
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

const notFound = (id: string) =>
  new DomainError('NOT_FOUND', `매크로를 찾을 수 없습니다. / Macro ${id} not found.`);

/**
 * Personal and shared canned replies. An agent sees their own and the shared ones; writes
 * their own personal ones; only leads and admins may share a macro or change a shared one.
 */
@Injectable()
export class MacrosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketsService,
  ) {}

  async list(
    user: AuthUser,
    query: ListQuery<MacroSortField, MacroFilterField>,
  ): Promise<{ rows: MacroRecord[]; total: number }> {
    const qb = this.db
      .getRepository(MacroEntity)
      .createQueryBuilder('m')
      .where(new Brackets((w) => w.where('m.owner_id = :me', { me: user.id }).orWhere('m.shared')));
    const f = query.filter;
    if (typeof f.q === 'string') {
      qb.andWhere('(m.title ILIKE :q OR m.body_ko ILIKE :q OR m.body_en ILIKE :q)', { q: containsPattern(f.q) });
    }
    if (typeof f.shared === 'boolean') qb.andWhere('m.shared = :shared', { shared: f.shared });
    if (f.mine === true) qb.andWhere('m.owner_id = :me', { me: user.id });

    const cap = this.config.listCountCap;
    const [countSql, countParams] = qb.clone().select('1').limit(cap + 1).getQueryAndParameters();
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM (${countSql}) s`, countParams)) as { n: number }[];

    const rows = await qb
      .leftJoinAndSelect('m.owner', 'owner')
      .orderBy(SORT_COLUMN[query.sort.field], query.sort.order)
      .addOrderBy('m.id', query.sort.order)
      .offset(query.offset)
      .limit(query.limit)
      .getMany();
    return { rows: rows.map(toRecord), total: Math.min(n, cap) };
  }

  async get(user: AuthUser, id: string): Promise<MacroRecord> {
    return toRecord(await this.visible(user, id));
  }

  async create(user: AuthUser, input: MacroInput): Promise<MacroRecord> {
    this.check(user, input);
    const repo = this.db.getRepository(MacroEntity);
    const saved = await repo.save(
      repo.create({ ownerId: user.id, shared: input.shared ?? false, title: input.title.trim(), bodyKo: input.body.ko, bodyEn: input.body.en }),
    );
    return this.get(user, saved.id);
  }

  async update(user: AuthUser, id: string, input: MacroInput): Promise<MacroRecord> {
    const macro = await this.editable(user, id);
    this.check(user, input);
    await this.db.getRepository(MacroEntity).update(
      { id: macro.id },
      { shared: input.shared ?? macro.shared, title: input.title.trim(), bodyKo: input.body.ko, bodyEn: input.body.en },
    );
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<MacroRecord> {
    const macro = await this.editable(user, id);
    await this.db.getRepository(MacroEntity).delete({ id: macro.id });
    return toRecord(macro);
  }

  /** The macro rendered for one ticket, in the customer's language of choice (nothing is stored). */
  async preview(user: AuthUser, ticketId: string, id: string, lang: 'ko' | 'en'): Promise<{ body: string; missing: string[] }> {
    const ticket = await this.tickets.get(ticketId);
    const macro = await this.visible(user, id);
    const reply = { id: 'macro', label: { ko: macro.title, en: macro.title }, body: { ko: macro.bodyKo, en: macro.bodyEn } };
    return renderReply(reply, { ticket, fields: {}, fieldDefs: [], deadlines: [], resolution: null, agentName: user.name }, lang);
  }

  /** Own macros and shared ones; someone else's personal macro is "not found", not "forbidden". */
  private async visible(user: AuthUser, id: string): Promise<MacroEntity> {
    const macro = await this.db.getRepository(MacroEntity).findOne({ where: { id }, relations: { owner: true } });
    if (!macro || (macro.ownerId !== user.id && !macro.shared)) throw notFound(id);
    return macro;
  }

  private async editable(user: AuthUser, id: string): Promise<MacroEntity> {
    const macro = await this.visible(user, id);
    const lead = roleAtLeast(user.role, 'lead');
    if (macro.shared ? !lead : macro.ownerId !== user.id) {
      throw new DomainError(
        'FORBIDDEN',
        macro.shared
          ? '공유 매크로는 팀장 또는 관리자만 수정할 수 있습니다. / Only leads and admins can change shared macros.'
          : '다른 사람의 매크로는 수정할 수 없습니다. / You can only change your own macros.',
      );
    }
    return macro;
  }

  private check(user: AuthUser, input: MacroInput): void {
    if (input.shared && !roleAtLeast(user.role, 'lead')) {
      throw new DomainError(
        'FORBIDDEN',
        '매크로 공유는 팀장 또는 관리자만 할 수 있습니다. 개인 매크로로 저장하세요. / Only leads and admins can share macros; save it as personal.',
        { shared: 'only leads and admins can share' },
      );
    }
    const errors = macroVariableErrors(input.body);
    if (Object.keys(errors).length) {
      const paths = Object.keys(errors).join(', ');
      throw new DomainError('VALIDATION_FAILED', `알 수 없는 변수가 있습니다: ${paths} / Unknown variables in ${paths}`, errors);
    }
  }
}
