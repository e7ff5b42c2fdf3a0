import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { validateTemplate } from '@shopdesk/contracts/scenario-schema';
import type { TemplateInput, TemplateRecord } from '@shopdesk/contracts/scenarios';
import { TICKET_TYPES } from '@shopdesk/contracts/tickets';
import { containsPattern } from '../core/db/like-pattern';
import { DomainError } from '../core/errors/domain-error';
import type { ListQuery, ListQuerySpec } from '../core/http/list-query';
import { ScenarioTemplateEntity } from './scenario-template.entity';
import { toTemplateRecord } from './scenario-template.mapper';

export const TEMPLATE_LIST_SPEC = {
  sortFields: ['key', 'type', 'createdAt'] as const,
  defaultSort: { field: 'key' as const, order: 'ASC' as const },
  filters: {
    q: { kind: 'text' as const, maxLength: 100 },
    id: { kind: 'text' as const, maxLength: 60 },
    type: { kind: 'enum' as const, values: TICKET_TYPES, multiple: true },
    active: { kind: 'boolean' as const },
  },
} satisfies ListQuerySpec<string, string>;
type TemplateListQuery = ListQuery<'key' | 'type' | 'createdAt', keyof typeof TEMPLATE_LIST_SPEC.filters & string>;

const SORT: Record<'key' | 'type' | 'createdAt', string> = { key: 't.key', type: 't.type', createdAt: 't.created_at' };

export function templateNotFound(key: string): DomainError {
  return new DomainError('TEMPLATE_NOT_FOUND', `시나리오 템플릿을 찾을 수 없습니다. / Template "${key}" not found.`);
}

/** Validates with the contracts schema; 422 naming every JSON path that is wrong. */
export function assertValidTemplate(input: unknown): TemplateInput {
  const result = validateTemplate(input);
  if (!result.ok) {
    const paths = Object.keys(result.errors);
    throw new DomainError(
      'VALIDATION_FAILED',
      `템플릿 정의가 올바르지 않습니다: ${paths.join(', ')} / Invalid template at ${paths
        .map((p) => `${p}: ${result.errors[p]}`)
        .join('; ')}`,
      result.errors,
    );
  }
  return result.value;
}

/**
 * Scenario templates as versioned data. Saving never edits a row: it inserts the next version,
 * so tickets pinned to an older version keep working exactly as they were triaged.
 */
@Injectable()
export class ScenarioTemplatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Latest version of each key. */
  async list(query: TemplateListQuery): Promise<{ rows: TemplateRecord[]; total: number }> {
    const qb = this.db
      .getRepository(ScenarioTemplateEntity)
      .createQueryBuilder('t')
      .where('t.version = (SELECT max(v.version) FROM scenario_templates v WHERE v.key = t.key)');
    const f = query.filter;
    if (typeof f.q === 'string') {
      qb.andWhere('(t.key ILIKE :q OR t.title_ko ILIKE :q OR t.title_en ILIKE :q)', { q: containsPattern(f.q) });
    }
    if (typeof f.id === 'string') qb.andWhere('t.key = :key', { key: f.id });
    if (f.type !== undefined) qb.andWhere('t.type IN (:...types)', { types: [f.type].flat() });
    if (typeof f.active === 'boolean') qb.andWhere('t.active = :active', { active: f.active });
    const [rows, total] = await qb
      .orderBy(SORT[query.sort.field], query.sort.order)
      .addOrderBy('t.key', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { rows: rows.map((r) => toTemplateRecord(r, { idIsKey: true })), total };
  }

  async latest(key: string, m: EntityManager = this.db.manager): Promise<ScenarioTemplateEntity> {
    const t = await m.getRepository(ScenarioTemplateEntity).findOne({ where: { key }, order: { version: 'DESC' } });
    if (!t) throw templateNotFound(key);
    return t;
  }

  async get(key: string): Promise<TemplateRecord> {
    return toTemplateRecord(await this.latest(key), { idIsKey: true });
  }

  async versions(key: string): Promise<TemplateRecord[]> {
    const rows = await this.db
      .getRepository(ScenarioTemplateEntity)
      .find({ where: { key }, order: { version: 'DESC' } });
    if (rows.length === 0) throw templateNotFound(key);
    return rows.map((r) => toTemplateRecord(r, { idIsKey: false }));
  }

  /**
   * A template version by id. Version rows are immutable (saving inserts a new row), so they are
   * cached in-process for good: every checklist tick would otherwise re-read and re-parse the
   * definition.
   */
  async byId(id: string, m: EntityManager = this.db.manager): Promise<ScenarioTemplateEntity> {
    const cached = this.versionCache.get(id);
    if (cached) return cached;
    const t = await m.getRepository(ScenarioTemplateEntity).findOneBy({ id });
    if (!t) throw templateNotFound(id);
    if (this.versionCache.size >= 1_000) this.versionCache.clear();
    this.versionCache.set(id, t);
    return t;
  }

  private readonly versionCache = new Map<string, ScenarioTemplateEntity>();

  /** Latest active versions of a ticket type (the candidates for triage). */
  async activeForType(type: (typeof TICKET_TYPES)[number]): Promise<ScenarioTemplateEntity[]> {
    return this.db
      .getRepository(ScenarioTemplateEntity)
      .createQueryBuilder('t')
      .where('t.type = :type', { type })
      .andWhere('t.version = (SELECT max(v.version) FROM scenario_templates v WHERE v.key = t.key)')
      .andWhere('t.active')
      .orderBy('t.key')
      .getMany();
  }

  async create(input: unknown, byUserId: string | null): Promise<TemplateRecord> {
    const t = assertValidTemplate(input);
    return this.db.transaction(async (m) => {
      const exists = await m.getRepository(ScenarioTemplateEntity).existsBy({ key: t.key });
      if (exists) {
        throw new DomainError('TEMPLATE_KEY_TAKEN', `이미 있는 템플릿 키입니다. / Template key "${t.key}" exists.`, {
          key: 'already exists; edit it to create a new version',
        });
      }
      return toTemplateRecord(await this.insertVersion(m, t, 1, byUserId), { idIsKey: true });
    });
  }

  /** Saves a new version of `key`. The key and the ticket type of a template never change. */
  async update(key: string, input: unknown, byUserId: string | null): Promise<TemplateRecord> {
    const t = assertValidTemplate({ ...(input as object), key });
    return this.db.transaction(async (m) => {
      // Serialise concurrent saves of one key so versions stay gap-free and unique.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('scenario_template:' || $1))`, [key]);
      const current = await this.latest(key, m);
      if (current.type !== t.type) {
        throw new DomainError('VALIDATION_FAILED', '템플릿의 티켓 유형은 바꿀 수 없습니다. / A template cannot change ticket type.', {
          type: `must stay ${current.type}`,
        });
      }
      return toTemplateRecord(await this.insertVersion(m, t, current.version + 1, byUserId), { idIsKey: true });
    });
  }

  /** Installs the shipped templates whose key is missing (idempotent; never overwrites edits). */
  async ensureSeeded(templates: TemplateInput[]): Promise<number> {
    let created = 0;
    for (const t of templates) {
      const valid = assertValidTemplate(t);
      const inserted = await this.db.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('scenario_template:' || $1))`, [valid.key]);
        if (await m.getRepository(ScenarioTemplateEntity).existsBy({ key: valid.key })) return false;
        await this.insertVersion(m, valid, 1, null);
        return true;
      });
      if (inserted) created++;
    }
    return created;
  }

  private async insertVersion(
    m: EntityManager,
    t: TemplateInput,
    version: number,
    byUserId: string | null,
  ): Promise<ScenarioTemplateEntity> {
    const entity = m.create(ScenarioTemplateEntity, {
      key: t.key,
      version,
      type: t.type,
      titleKo: t.title.ko,
      titleEn: t.title.en,
      active: t.active,
      definition: t.definition,
      createdBy: byUserId,
    });
    return m.save(entity);
  }
}
