import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';

/**
 * The request id of the HTTP request (or job) being handled. It is taken from a well-formed
 * `X-Request-Id` header or minted, echoed in the response, written on every log line, and carried
 * in the data of every job the request enqueues, so the worker's log lines for that job carry it too.
 */
interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,100}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Job data with the current request id added (unchanged outside a request or job). */
export function withRequestId<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}

/** Express middleware: one request id per request, kept for everything that runs on its behalf. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const sent = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof sent === 'string' && WELL_FORMED.test(sent) ? sent : randomUUID();
  (req as Request & { id?: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}

/** Runs a job's handler under the request id that enqueued it (or the job's own id). */
export function runInJobContext<T>(job: Job, handler: () => Promise<T>): Promise<T> {
  const carried = (job.data as { requestId?: unknown } | undefined)?.requestId;
  const requestId = typeof carried === 'string' && WELL_FORMED.test(carried) ? carried : `job:${job.queueName}:${job.id}`;
  return storage.run({ requestId }, handler);
}
