/** Write one large ticket-list export to a CSV file under EXPORTS_DIR. */
export const EXPORT_TICKETS = 'export-tickets';
export interface ExportTicketsPayload {
  exportId: string;
  /** Only this user may read the status and download the file. */
  requestedBy: string;
  /** The list's `filter` and `sort` as sent to GET /tickets (JSON strings), parsed again by the worker. */
  filter?: string;
  sort?: string;
  fileName: string;
  createdAt: string;
}
export interface ExportTicketsResult {
  rows: number;
}
export const exportJobId = (exportId: string) => `export-${exportId}`;
// A retry rewrites the file from the start; a few tries are enough.
export const EXPORT_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } } as const;
