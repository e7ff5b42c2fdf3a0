import type { MacroRecord } from '@shopdesk/contracts/macros';

/** Leads and admins share macros and edit shared ones; everyone edits their own personal ones (the API decides too). */
export const canShare = (role: unknown) => role === 'lead' || role === 'admin';

export function canEdit(macro: Pick<MacroRecord, 'ownerId' | 'shared'>, me: { id: string | number; role: unknown }): boolean {
  return macro.shared ? canShare(me.role) : macro.ownerId === String(me.id);
}
