// HTTP load for the benches: autocannon (closed loop, `connections` at once) for a duration or a
// number of requests, keeping every response's latency so the report can show its percentiles.
import autocannon from 'autocannon';

export interface HttpLoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration?: number;
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  /** Called before each request: returns its body and extra headers (e.g. a unique e-mail, a signature). */
  next?: () => { body?: string; headers?: Record<string, string> };
}

export interface HttpLoadResult {
  seconds: number;
  requests: number;
  rate: number;
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
}

export function loadHttp(opts: HttpLoadOptions): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const baseHeaders = { 'content-type': 'application/json', ...opts.headers };
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
        timeout: 30,
        method: opts.method ?? 'GET',
        headers: baseHeaders,
        requests: [
          {
            method: opts.method ?? 'GET',
            setupRequest: (req) => {
              if (!opts.next) return req;
              const { body, headers } = opts.next();
              return { ...req, body, headers: { ...baseHeaders, ...headers } };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ seconds, requests: latencies.length, rate: latencies.length / seconds, latencies, statuses, errors: result.errors + result.timeouts });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

export const statusSummary = (statuses: Map<number, number>) => JSON.stringify(Object.fromEntries(statuses));
