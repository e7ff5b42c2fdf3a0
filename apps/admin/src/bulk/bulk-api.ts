import type { BulkActionKind, BulkActionStatus } from '@shopdesk/contracts/bulk';
import { httpClient } from '../providers/http-client';

export interface BulkSelection {
  ids?: string[];
  filter?: Record<string, unknown>;
}

export async function startBulkAction(
  action: BulkActionKind,
  params: Record<string, unknown>,
  selection: BulkSelection,
): Promise<{ jobId: string }> {
  const { json } = await httpClient('/bulk-actions', { method: 'POST', body: JSON.stringify({ action, params, ...selection }) });
  return json as { jobId: string };
}

export async function fetchBulkStatus(jobId: string): Promise<BulkActionStatus> {
  const { json } = await httpClient(`/bulk-actions/${encodeURIComponent(jobId)}`);
  return json as BulkActionStatus;
}

export const isFinished = (status: BulkActionStatus | undefined) => status?.state === 'completed' || status?.state === 'failed';
