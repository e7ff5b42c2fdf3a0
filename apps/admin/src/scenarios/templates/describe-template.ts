import type { TranslateFunction } from 'react-admin';
import type { DateRef, DeadlineRule, TemplateDefinition } from '@shopdesk/contracts/scenarios';
import { pick } from '../scenario-format';

// Template rules in words, for the read-only views of the template admin.

/** "티켓 접수 시각", "입력 항목 "누락을 알게 된 시각"", "기한 "택배사 확인 기한"". */
export function describeDateRef(
  from: DateRef,
  def: Pick<TemplateDefinition, 'fields' | 'deadlines'>,
  translate: TranslateFunction,
  locale: string,
): string {
  if (from.startsWith('field:')) {
    const id = from.slice('field:'.length);
    const field = def.fields.find((f) => f.id === id);
    return translate('shopdesk.template.rule.from_field', { label: field ? pick(field.label, locale) : id });
  }
  if (from.startsWith('deadline:')) {
    const id = from.slice('deadline:'.length);
    const deadline = def.deadlines.find((d) => d.id === id);
    return translate('shopdesk.template.rule.from_deadline', { label: deadline ? pick(deadline.label, locale) : id });
  }
  return translate(`shopdesk.template.rule.from.${from.replace(/\./g, '_')}`, { _: from });
}

/** E.g. "결제 일시부터 15일 후, 그날 23:59:59 (KST)까지" or "결제 일시가 속한 달의 다음 달 말일 (KST)". */
export function describeRule(
  rule: DeadlineRule,
  def: Pick<TemplateDefinition, 'fields' | 'deadlines'>,
  translate: TranslateFunction,
  locale: string,
): string {
  const from = describeDateRef(rule.from, def, translate, locale);
  if (rule.kind === 'end_of_month') {
    return rule.monthsAfter
      ? translate('shopdesk.template.rule.end_of_month_after', { from, months: rule.monthsAfter })
      : translate('shopdesk.template.rule.end_of_month', { from });
  }
  const parts = [
    rule.days ? translate('shopdesk.template.rule.days', { n: rule.days }) : null,
    rule.hours ? translate('shopdesk.template.rule.hours', { n: rule.hours }) : null,
  ].filter(Boolean);
  const span = parts.length ? parts.join(' ') : translate('shopdesk.template.rule.immediately');
  return translate(rule.endOfDay ? 'shopdesk.template.rule.offset_end_of_day' : 'shopdesk.template.rule.offset', {
    from,
    span,
  });
}

/** When an automation fires, in words. */
export function describeTrigger(
  on: string,
  def: Pick<TemplateDefinition, 'resolutions' | 'deadlines'>,
  translate: TranslateFunction,
  locale: string,
): string {
  const [kind, arg] = on.split(':');
  if (kind === 'resolution') {
    const res = def.resolutions.find((r) => r.code === arg);
    return translate('shopdesk.template.trigger.resolution', { label: res ? pick(res.label, locale) : arg });
  }
  if (kind === 'deadline_warning') {
    const deadline = def.deadlines.find((d) => d.id === arg);
    return translate('shopdesk.template.trigger.deadline_warning', {
      label: deadline ? pick(deadline.label, locale) : arg,
    });
  }
  return translate('shopdesk.template.trigger.applied');
}
