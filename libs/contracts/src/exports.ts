// CSV exports of the ticket list: small ones stream directly, large ones run as a worker job.

/** Above this many rows (by a bounded count) GET /tickets/export.csv queues a job instead of streaming. */
export const DIRECT_EXPORT_MAX_ROWS = 5_000;

export type ExportState = 'queued' | 'running' | 'completed' | 'failed';

export interface ExportRecord {
  id: string;
  state: ExportState;
  /** 0–100 */
  progress: number;
  rows: number | null;
  fileName: string;
  createdAt: string;
}
