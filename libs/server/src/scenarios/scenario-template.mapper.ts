import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { ScenarioTemplateEntity } from './scenario-template.entity';

/** The admin addresses a template by key (its latest version); `id` is that key for react-admin. */
export function toTemplateRecord(t: ScenarioTemplateEntity, opts: { idIsKey: boolean }): TemplateRecord {
  return {
    id: opts.idIsKey ? t.key : t.id,
    key: t.key,
    version: t.version,
    type: t.type,
    title: { ko: t.titleKo, en: t.titleEn },
    active: t.active,
    definition: t.definition,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
  };
}
