import { HttpErrorFilter, isBackendUnavailable } from './http-error.filter';

describe('HttpErrorFilter: an unreachable database or Redis is a 503, not a 500', () => {
  const filter = new HttpErrorFilter();

  it.each([
    ['pool cannot connect', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['TypeORM QueryFailedError wrapping a cut connection', Object.assign(new Error('Query failed'), { driverError: new Error('Connection terminated') })],
    ['Redis down', new Error('Connection is closed.')],
    ['transaction whose connection died', Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('%s', (_name, err) => {
    expect(isBackendUnavailable(err)).toBe(true);
    const { status, body } = filter.toResponse(err);
    expect(status).toBe(503);
    expect(body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining(' / ') });
  });

  it('keeps real bugs and constraint errors as they were', () => {
    expect(isBackendUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isBackendUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(filter.toResponse(new TypeError('boom')).status).toBe(500);
  });
});
