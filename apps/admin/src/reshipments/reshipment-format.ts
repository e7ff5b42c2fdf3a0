import type { ChipProps } from '@mui/material';
import type { ReshipmentRecord, ReshipmentStatus } from '@shopdesk/contracts/reshipments';

// Pure helpers of the "재배송" section (unit-tested in reshipment-format.spec.ts).

/** The happy path shown as a step indicator: 요청됨 → 전송됨 → 접수됨 → 출고됨. */
export const RESHIPMENT_STEPS = ['requested', 'sent', 'accepted', 'shipped'] as const satisfies readonly ReshipmentStatus[];

/** Statuses still moving on their own (the worker or the warehouse): the section polls while any is present. */
const ACTIVE: readonly ReshipmentStatus[] = ['requested', 'sent', 'accepted'];

export const isActiveReshipment = (status: ReshipmentStatus | string) => (ACTIVE as readonly string[]).includes(status);

export const hasActiveReshipment = (records: Pick<ReshipmentRecord, 'status'>[] | undefined) =>
  !!records?.some((r) => isActiveReshipment(r.status));

/** The API allows a retry only of a failed request, a cancel only of a requested or failed one. */
export const canRetryReshipment = (status: ReshipmentStatus | string) => status === 'failed';
export const canCancelReshipment = (status: ReshipmentStatus | string) => status === 'requested' || status === 'failed';

/**
 * How far along the steps a request is: the index of the last step reached (delivered counts as
 * past shipped), or -1 for failed/cancelled, which are shown instead of the steps' progress.
 */
export function reshipmentStepIndex(status: ReshipmentStatus | string): number {
  if (status === 'delivered') return RESHIPMENT_STEPS.length - 1;
  return (RESHIPMENT_STEPS as readonly string[]).indexOf(status);
}

/** Failed red, cancelled grey, shipped/delivered green, in-flight blue. */
export function reshipmentStatusColor(status: ReshipmentStatus | string): NonNullable<ChipProps['color']> {
  switch (status) {
    case 'failed':
      return 'error';
    case 'cancelled':
      return 'default';
    case 'shipped':
    case 'delivered':
      return 'success';
    default:
      return 'info';
  }
}

/** "SKU-MUG-WHT 머그컵 화이트 × 2, SKU-TUMBLER-500 × 1". */
export function reshipmentItemsText(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return items
    .filter((i): i is { sku: string; qty?: unknown; name?: unknown } => !!i && typeof i === 'object' && typeof i.sku === 'string')
    .map((i) => `${i.sku}${typeof i.name === 'string' && i.name ? ` ${i.name}` : ''}${typeof i.qty === 'number' ? ` × ${i.qty}` : ''}`)
    .join(', ');
}

/** One editable row of the request dialog. */
export interface ReshipDraftItem {
  sku: string;
  name?: string;
  /** Ordered quantity (the most that makes sense to reship). */
  ordered: number;
  qty: string;
  selected: boolean;
}

/** The dialog starts with every order item selected at its ordered quantity. */
export function draftFromOrderItems(items: { sku: string; name?: string | null; qty: number }[] | undefined): ReshipDraftItem[] {
  return (items ?? []).map((i) => ({
    sku: i.sku,
    ...(i.name ? { name: i.name } : {}),
    ordered: i.qty,
    qty: String(i.qty),
    selected: true,
  }));
}

export const validQty = (qty: string) => /^\d+$/.test(qty.trim()) && Number(qty) >= 1 && Number(qty) <= 10_000;

/** The request body, or null while something is missing (no item, a bad quantity, no reason). */
export function reshipmentInput(
  draft: ReshipDraftItem[],
  reason: string,
): { items: { sku: string; qty: number; name?: string }[]; reason: string } | null {
  const chosen = draft.filter((d) => d.selected);
  if (chosen.length === 0 || chosen.some((d) => !validQty(d.qty)) || !reason.trim()) return null;
  return {
    items: chosen.map((d) => ({ sku: d.sku, qty: Number(d.qty), ...(d.name ? { name: d.name } : {}) })),
    reason: reason.trim(),
  };
}
