import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses localhost defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/shopdesk');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(c.cookieSecure).toBe(false);
  });

  it('secures cookies in production unless told otherwise', () => {
    const secret = 'f'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', FORM_TOKEN_SECRET: secret }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', FORM_TOKEN_SECRET: secret, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('requires the form-token secret in production, naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/FORM_TOKEN_SECRET/);
  });

  it('names the variable and the value when one is invalid', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: .*"abc"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('splits CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://a.test, http://b.test' }).corsOrigins).toEqual([
      'http://a.test',
      'http://b.test',
    ]);
  });
});
