/** Run one bulk request (a `bulk_actions` row) ticket by ticket. */
export const RUN_BULK_ACTION = 'run-bulk-action';
export interface RunBulkActionPayload {
  bulkActionId: string;
}
export const bulkActionJobId = (id: string) => `bulk-${id}`;
/** Few attempts: a retry resumes where the last one stopped (handled tickets are marked). */
export const RUN_BULK_ACTION_OPTIONS = { attempts: 3, backoff: { type: 'exponential' as const, delay: 2_000 } };
