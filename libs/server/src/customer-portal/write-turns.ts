import pLimit from 'p-limit';

/**
 * At most `concurrency` pieces of work at once, at most `maxWaiting` waiting for a turn; past that,
 * `run` refuses at once (returns null) so the caller can answer 503 instead of queueing forever.
 */
export class WriteTurns {
  private readonly limit: pLimit.Limit;

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  run<T>(work: () => Promise<T>): Promise<T> | null {
    if (this.limit.activeCount >= this.concurrency && this.limit.pendingCount >= this.maxWaiting) return null;
    return this.limit(work);
  }
}
