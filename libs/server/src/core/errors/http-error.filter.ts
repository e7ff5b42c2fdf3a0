import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, ErrorCode } from '@shopdesk/contracts/errors';
import { DomainError, ERROR_STATUS } from './domain-error';

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'MALFORMED_REQUEST',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const DEFAULT_MESSAGE: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: '요청 형식이 올바르지 않습니다. / The request is malformed.',
  UNAUTHENTICATED: '로그인이 필요합니다. / Please sign in.',
  FORBIDDEN: '이 작업을 할 권한이 없습니다. / You are not allowed to do this.',
  NOT_FOUND: '요청한 경로를 찾을 수 없습니다. / Not found.',
  PAYLOAD_TOO_LARGE: '요청 또는 첨부 파일이 너무 큽니다. / The request or a file is too large.',
  RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도하세요. / Too many requests, try again shortly.',
  SERVICE_UNAVAILABLE: '일시적으로 서비스를 사용할 수 없습니다. / Service temporarily unavailable.',
};

/** Maps every error to `{ code, message, errors? }`; a 500 shows only an error id, the details go to the log. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { status, body } = this.toResponse(exception, req);
    if (res.headersSent) return;
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json(body);
  }

  toResponse(exception: unknown, req?: Request): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { code: exception.code, message: exception.message };
      if (exception.errors) body.errors = exception.errors;
      return { status: ERROR_STATUS[exception.code], body };
    }
    const status = httpStatusOf(exception);
    if (status !== undefined && status < 500) {
      const code = STATUS_CODE[status] ?? 'MALFORMED_REQUEST';
      return { status, body: { code, message: clientMessage(exception, code) } };
    }
    if (status === 503 || isBackendUnavailable(exception)) {
      if (status !== 503) this.logger.warn({ err: exception, method: req?.method, url: req?.originalUrl }, 'backend unavailable: answered 503');
      const body: ApiErrorBody = { code: 'SERVICE_UNAVAILABLE', message: DEFAULT_MESSAGE.SERVICE_UNAVAILABLE! };
      const down = failedHealthChecks(exception);
      if (down) body.errors = down;
      return { status: 503, body };
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, err: exception, method: req?.method, url: req?.originalUrl },
      `Unhandled error ${errorId}`,
    );
    return {
      status: 500,
      body: {
        code: 'INTERNAL',
        message: `서버 오류가 발생했습니다 (오류 ID ${errorId}). / Internal error (error id ${errorId}).`,
        errorId,
      },
    };
  }
}

/** A failed readiness check (terminus) names each dependency that is down: `{ redis: 'connect ECONNREFUSED …' }`. */
function failedHealthChecks(exception: unknown): Record<string, string> | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const response = exception.getResponse() as { error?: Record<string, { status?: string; message?: unknown }> };
  if (typeof response !== 'object' || !response?.error || typeof response.error !== 'object') return undefined;
  const entries = Object.entries(response.error).map(([name, check]) => [name, typeof check?.message === 'string' ? check.message : 'down']);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  // body-parser / express errors (malformed JSON, payload too large) carry `status` or `statusCode`.
  if (typeof exception === 'object' && exception !== null) {
    const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown };
    const s = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
    if (s !== undefined && s >= 400 && s < 600 && e.expose !== false) return s;
  }
  return undefined;
}

/** Network errors of a PostgreSQL or Redis client that mean "not reachable right now". */
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres / ioredis messages for a connection that failed, timed out or was cut. */
const UNREACHABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Reached the max retries per request limit)/;

/** TypeORM's answer when a transaction's connection died under it (seen when PostgreSQL stops mid-request). */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * A database or Redis that is down (restart, failover, network) is the service being unavailable,
 * not a bug: 503 with Retry-After, so clients and load balancers retry, instead of a 500 error id.
 * PostgreSQL SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutting down / starting up).
 */
export function isBackendUnavailable(exception: unknown): boolean {
  for (let e = exception as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_ERRNO.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    if (typeof e.name === 'string' && RELEASED_RUNNER.has(e.name)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

function clientMessage(exception: unknown, code: ErrorCode): string {
  const fallback = DEFAULT_MESSAGE[code] ?? DEFAULT_MESSAGE.MALFORMED_REQUEST!;
  if (exception instanceof HttpException) {
    const r = exception.getResponse();
    if (code === 'NOT_FOUND' || code === 'RATE_LIMITED' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
      return fallback;
    }
    const detail = typeof r === 'string' ? r : (r as { message?: unknown }).message;
    if (typeof detail === 'string' && detail) return `${fallback} ${detail}`;
    return fallback;
  }
  const e = exception as { type?: string; message?: string };
  if (e.type === 'entity.parse.failed') return '본문이 올바른 JSON이 아닙니다. / The body is not valid JSON.';
  if (e.type === 'entity.too.large') return '본문이 너무 큽니다. / The body is too large.';
  return fallback;
}
