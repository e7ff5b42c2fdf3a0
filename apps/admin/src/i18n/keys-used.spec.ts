import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUTOMATION_ACTIONS, FIELD_TYPES, TICKET_FACTS } from '@shopdesk/contracts/scenarios';
import { SLA_RUNGS, SLA_STATES, SLA_TARGETS } from '@shopdesk/contracts/sla';
import { TICKET_EVENT_KINDS, TICKET_STATUSES } from '@shopdesk/contracts/tickets';
import { SHORTCUT_ACTIONS } from '../shortcuts/shortcut-keys';
import ko from './ko';
import en from './en';

// Every translation key written literally in the source, and every key built from a contracts
// enum, must exist in both languages — a missing key shows up as the raw key in the UI.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) && !full.includes(`${path.sep}i18n${path.sep}`) ? [full] : [];
  });
}

function has(messages: object, key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const literalKeys = [
  ...new Set(
    sourceFiles(path.join(__dirname, '..')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"]((?:shopdesk|resources)\.[A-Za-z0-9_.-]*[A-Za-z0-9_])['"]/g)].map((m) => m[1]),
    ),
  ),
];

const enumKeys = [
  ...FIELD_TYPES.map((t) => `shopdesk.scenario.field_type.${t}`),
  ...AUTOMATION_ACTIONS.map((a) => `shopdesk.scenario.automation_action.${a}`),
  ...TICKET_FACTS.map((f) => `shopdesk.scenario.fact.${f.replace(/\./g, '_')}`),
  ...TICKET_EVENT_KINDS.map((k) => `shopdesk.ticket.event.${k}`),
  ...SLA_TARGETS.map((t) => `shopdesk.sla.target.${t}`),
  ...SLA_STATES.map((s) => `shopdesk.sla.state.${s}`),
  ...SLA_RUNGS.map((r) => `shopdesk.sla.rung.${r}`),
  ...TICKET_STATUSES.map((s) => `shopdesk.ticket.status.${s}`),
  ...SHORTCUT_ACTIONS.map((a) => `shopdesk.shortcuts.action.${a}`),
  ...['ticket.createdAt', 'order.paidAt', 'shipment.expectedDeliveryDate'].map(
    (f) => `shopdesk.template.rule.from.${f.replace(/\./g, '_')}`,
  ),
];

describe('translation keys in use', () => {
  it('finds the literal keys of the source', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it.each([
    ['ko', ko],
    ['en', en],
  ])('are all defined in %s', (_lang, messages) => {
    const missing = [...literalKeys, ...enumKeys].filter((key) => !has(messages, key));
    expect(missing).toEqual([]);
  });
});
