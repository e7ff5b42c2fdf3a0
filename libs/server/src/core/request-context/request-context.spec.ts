import type { Job } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestId, requestIdMiddleware, runInJobContext, withRequestId } from './request-context';

function run(headers: Record<string, string>): { id: string | undefined; header: string | undefined } {
  const res = { headers: {} as Record<string, string>, setHeader(k: string, v: string) { this.headers[k] = v; } };
  let id: string | undefined;
  requestIdMiddleware({ headers } as unknown as Request, res as unknown as Response, (() => {
    id = currentRequestId();
  }) as NextFunction);
  return { id, header: res.headers['X-Request-Id'] };
}

describe('request context', () => {
  it('keeps a well-formed incoming X-Request-Id and echoes it', () => {
    expect(run({ 'x-request-id': 'abc-12345678' })).toEqual({ id: 'abc-12345678', header: 'abc-12345678' });
  });

  it('mints an id when the header is missing or could smuggle text into logs', () => {
    for (const headers of [{}, { 'x-request-id': 'bad id\nwith newline' }, { 'x-request-id': 'x'.repeat(500) }]) {
      const { id, header } = run(headers);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(header).toBe(id);
    }
  });

  it('adds the request id to job data inside a request, and leaves data alone outside one', () => {
    expect(withRequestId({ a: 1 })).toEqual({ a: 1 });
    const res = { setHeader() {} };
    let data: object = {};
    requestIdMiddleware({ headers: { 'x-request-id': 'req-00000001' } } as unknown as Request, res as unknown as Response, (() => {
      data = withRequestId({ a: 1 });
    }) as NextFunction);
    expect(data).toEqual({ a: 1, requestId: 'req-00000001' });
  });

  it('runs a job under the request id it carries, or its own id', async () => {
    const carried = { data: { requestId: 'req-00000002' }, queueName: 'q', id: '7' } as unknown as Job;
    await expect(runInJobContext(carried, async () => currentRequestId())).resolves.toBe('req-00000002');
    const own = { data: {}, queueName: 'q', id: '7' } as unknown as Job;
    await expect(runInJobContext(own, async () => currentRequestId())).resolves.toBe('job:q:7');
  });
});
