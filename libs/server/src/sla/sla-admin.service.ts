import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { slaPolicyInputSchema } from '@shopdesk/contracts/sla-schema';
import type { SlaPolicyInput, SlaPolicyRecord } from '@shopdesk/contracts/sla';
import { formatIssuePath } from '@shopdesk/contracts/scenarios';
import { DomainError } from '../core/errors/domain-error';
import { QueueName } from '../core/queue/queue-names';
import { BusinessCalendar, validateCalendar, type CalendarDefinition } from './business-calendar';
import { BusinessCalendarEntity } from './business-calendar.entity';
import { REPLAN_SLA } from './sla-ladder.job';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaService } from './sla.service';
import { withRequestId } from '../core/request-context/request-context';

export interface CalendarRecord {
  id: string;
  key: string;
  name: { ko: string; en: string };
  weekly: CalendarDefinition['weekly'];
  closedDays: string[];
  publicHolidays: boolean;
  /** The next public holidays the calendar closes on (next 365 days), for the editor. */
  upcomingHolidays: { date: string; names: string[] }[];
}

function invalid(errors: Record<string, string>): never {
  const paths = Object.keys(errors).join(', ');
  throw new DomainError('VALIDATION_FAILED', `입력값을 확인하세요: ${paths} / Invalid input: ${paths}`, errors);
}

/** Admin editing of SLA policies and business calendars; every change re-plans open tickets. */
@Injectable()
export class SlaAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sla: SlaService,
    @InjectQueue(QueueName.SlaLadder) private readonly queue: Queue,
  ) {}

  async listPolicies(): Promise<SlaPolicyRecord[]> {
    const rows = await this.db.getRepository(SlaPolicyEntity).find({ relations: { calendar: true }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map(toPolicyRecord);
  }

  async getPolicy(id: string): Promise<SlaPolicyRecord> {
    const p = await this.db.getRepository(SlaPolicyEntity).findOne({ where: { id }, relations: { calendar: true } });
    if (!p) throw new DomainError('NOT_FOUND', `SLA 정책을 찾을 수 없습니다. / SLA policy ${id} not found.`);
    return toPolicyRecord(p);
  }

  async savePolicy(id: string | null, body: unknown): Promise<SlaPolicyRecord> {
    const { id: _id, updatedAt: _u, ...rest } = (body ?? {}) as Record<string, unknown>;
    const parsed = slaPolicyInputSchema.safeParse(rest);
    if (!parsed.success) {
      invalid(Object.fromEntries(parsed.error.issues.map((i) => [formatIssuePath(i.path) || '(root)', i.message])));
    }
    const input: SlaPolicyInput = parsed.data;
    const calendar = await this.db.getRepository(BusinessCalendarEntity).findOneBy({ key: input.calendarKey });
    if (!calendar) invalid({ calendarKey: `no calendar "${input.calendarKey}"` });
    const repo = this.db.getRepository(SlaPolicyEntity);
    const entity = id ? await repo.findOneBy({ id }) : repo.create();
    if (!entity) throw new DomainError('NOT_FOUND', `SLA 정책을 찾을 수 없습니다. / SLA policy ${id} not found.`);
    Object.assign(entity, {
      key: input.key,
      nameKo: input.name.ko,
      nameEn: input.name.en,
      position: input.position,
      active: input.active,
      filter: input.filter,
      targets: input.targets,
      pauseStatuses: input.pauseStatuses,
      ladder: input.ladder,
      calendarId: calendar.id,
    });
    try {
      await repo.save(entity);
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === '23505') invalid({ key: 'already exists' });
      throw e;
    }
    await this.policyChanged();
    return this.getPolicy(entity.id);
  }

  async listCalendars(now = new Date()): Promise<CalendarRecord[]> {
    const rows = await this.db.getRepository(BusinessCalendarEntity).find({ order: { key: 'ASC' } });
    return rows.map((c) => toCalendarRecord(c, now));
  }

  async saveCalendar(id: string, body: unknown): Promise<CalendarRecord> {
    const b = (body ?? {}) as Partial<CalendarRecord>;
    const repo = this.db.getRepository(BusinessCalendarEntity);
    const entity = await repo.findOneBy({ id });
    if (!entity) throw new DomainError('NOT_FOUND', `영업 캘린더를 찾을 수 없습니다. / Calendar ${id} not found.`);
    const def: CalendarDefinition = {
      weekly: (b.weekly ?? entity.weeklyHours) as CalendarDefinition['weekly'],
      closedDays: b.closedDays ?? entity.closedDays,
      publicHolidays: b.publicHolidays ?? entity.publicHolidays,
    };
    let errors: Record<string, string>;
    try {
      errors = validateCalendar(def);
    } catch {
      errors = { weekly: 'must be 7 lists of [startMinute, endMinute] intervals' };
    }
    if (Object.keys(errors).length) invalid(errors);
    if (b.name && (typeof b.name.ko !== 'string' || typeof b.name.en !== 'string' || !b.name.ko.trim() || !b.name.en.trim())) {
      invalid({ name: 'needs ko and en' });
    }
    Object.assign(entity, {
      weeklyHours: def.weekly,
      closedDays: [...new Set(def.closedDays)].sort(),
      publicHolidays: def.publicHolidays,
      ...(b.name ? { nameKo: b.name.ko.trim(), nameEn: b.name.en.trim() } : {}),
    });
    await repo.save(entity);
    await this.policyChanged();
    return toCalendarRecord(entity, new Date());
  }

  /** Open tickets are re-planned by the worker (one job, idempotent per change). */
  private async policyChanged(): Promise<void> {
    this.sla.invalidatePolicies();
    await this.queue.add(REPLAN_SLA, withRequestId({}), { jobId: `replan-sla-${Date.now()}`, removeOnComplete: true, attempts: 5 });
  }
}

function toPolicyRecord(p: SlaPolicyEntity): SlaPolicyRecord {
  return {
    id: p.id,
    key: p.key,
    name: { ko: p.nameKo, en: p.nameEn },
    position: p.position,
    active: p.active,
    filter: p.filter,
    targets: p.targets,
    pauseStatuses: p.pauseStatuses,
    ladder: p.ladder,
    calendarKey: p.calendar?.key ?? '',
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toCalendarRecord(c: BusinessCalendarEntity, now: Date): CalendarRecord {
  const cal = new BusinessCalendar({ weekly: c.weeklyHours, closedDays: c.closedDays, publicHolidays: c.publicHolidays });
  const upcoming: { date: string; names: string[] }[] = [];
  for (let d = 0; d < 365 && c.publicHolidays; d++) {
    const date = new Date(now.getTime() + 9 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10);
    const names = cal.holidayNames(date);
    if (names.length) upcoming.push({ date, names });
  }
  return {
    id: c.id,
    key: c.key,
    name: { ko: c.nameKo, en: c.nameEn },
    weekly: c.weeklyHours,
    closedDays: c.closedDays,
    publicHolidays: c.publicHolidays,
    upcomingHolidays: upcoming,
  };
}
