// Group commit for webhook intake: the scans of requests that arrive together are stored with one
// multi-row INSERT … ON CONFLICT DO NOTHING RETURNING (and queued with one addBulk by the caller),
// instead of one INSERT per scan. A request's promise settles only once its own rows are committed,
// so an acknowledgement still means "stored". Pure bookkeeping: the SQL is the caller's `store`.
import type { NormalizedScan } from './providers/types';
import type { CourierProvider } from '@shopdesk/contracts/couriers';

export interface ScanToStore {
  provider: CourierProvider;
  scan: NormalizedScan;
  /** The whole request body as JSON text (stored in `raw` beside each of its scans). */
  rawJson: string;
  /** The request that sent it (carried in the job data for tracing). */
  requestId?: string;
}

/**
 * Stores distinct rows in one statement and reports their ids (null for an event already stored).
 * `followUp` is work that may finish after the requests are answered (queueing the stored events);
 * the batch keeps its slot until it settles, so that work stays bounded too.
 */
export type StoreRows = (rows: ScanToStore[]) => Promise<{ ids: (string | null)[]; followUp?: Promise<unknown> }>;

export interface StoredScans {
  /** Ids of the scans this request stored, in the request's order. */
  ids: string[];
  /** Scans already stored (earlier, or earlier in the same batch). */
  duplicates: number;
}

interface Pending {
  rows: ScanToStore[];
  resolve(r: StoredScans): void;
  reject(err: unknown): void;
}

export interface CourierEventBatcherOptions {
  /** A batch closes at this many scans (a single request may exceed it on its own). */
  maxRows: number;
  /** Batches being stored at once; requests arriving meanwhile wait for the next one. */
  maxInFlight: number;
}

/** One event's identity, as courier_events is unique on it: provider and the provider's event id. */
export const eventKey = (provider: string, eventId: string) => `${provider}\u0000${eventId}`;
const key = (r: ScanToStore) => eventKey(r.provider, r.scan.eventId);

/**
 * Collects concurrent requests and stores them together. A batch starts as soon as a slot is free
 * (no fixed delay: an idle server stores a lone request at once); while `maxInFlight` batches are in
 * the database, newcomers accumulate and go in the next one, up to `maxRows`. When a batch's INSERT
 * fails, each of its requests is retried on its own, so one unstorable request fails only itself.
 */
export class CourierEventBatcher {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly store: StoreRows,
    private readonly opts: CourierEventBatcherOptions,
  ) {}

  submit(rows: ScanToStore[]): Promise<StoredScans> {
    if (rows.length === 0) return Promise.resolve({ ids: [], duplicates: 0 });
    return new Promise<StoredScans>((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.kick();
    });
  }

  /** Requests waiting for a slot (for tests and metrics). */
  get backlog(): number {
    return this.waiting.length;
  }

  private kick(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    // Let the requests whose bodies arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.opts.maxInFlight && this.waiting.length > 0) {
      const batch: Pending[] = [];
      let rows = 0;
      while (this.waiting.length > 0 && (batch.length === 0 || rows + this.waiting[0].rows.length <= this.opts.maxRows)) {
        const p = this.waiting.shift()!;
        batch.push(p);
        rows += p.rows.length;
      }
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.kick();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const { results, followUp } = await this.storeTogether(batch);
      batch.forEach((p, i) => p.resolve(results[i]));
      await followUp?.catch(() => undefined);
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // Nothing of the batch was stored (one statement): give each request its own chance.
      await Promise.all(
        batch.map(async (p) => {
          try {
            const { results, followUp } = await this.storeTogether([p]);
            p.resolve(results[0]);
            await followUp?.catch(() => undefined);
          } catch (e) {
            p.reject(e);
          }
        }),
      );
    }
  }

  /** One INSERT for the batch; an event sent twice within it is stored once and counted once as a duplicate. */
  private async storeTogether(batch: Pending[]): Promise<{ results: StoredScans[]; followUp?: Promise<unknown> }> {
    const distinct: ScanToStore[] = [];
    const index = new Map<string, number>();
    // Per request, per scan: the position in `distinct`, or -1 for a repeat within the batch.
    const positions = batch.map((p) =>
      p.rows.map((r) => {
        const k = key(r);
        if (index.has(k)) return -1;
        index.set(k, distinct.length);
        distinct.push(r);
        return distinct.length - 1;
      }),
    );
    const { ids: stored, followUp } = await this.store(distinct);
    const results = positions.map((ps) => {
      const ids: string[] = [];
      let duplicates = 0;
      for (const i of ps) {
        const id = i >= 0 ? stored[i] : null;
        if (id !== null) ids.push(id);
        else duplicates++;
      }
      return { ids, duplicates };
    });
    return { results, followUp };
  }
}
