import { z } from 'zod';

// One validated view of the environment, read once at boot. A bad value stops the process
// with a message naming the variable and the expected form.

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/shopdesk'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379/0'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only')
    .default('shopdesk'),
  SESSION_TTL_HOURS: z.coerce.number().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: bool.optional(),
  CORS_ORIGINS: z.string().default(''),
  ADMIN_DIST_DIR: z.string().optional(),
  SUPPORT_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins per account per hour before it is locked for the rest of the hour (ASVS 2.2.1: at most 100). */
  LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).max(100).default(20),
  /** Bearer token for GET /metrics; unset = only loopback scrapers. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  LIST_COUNT_CAP: z.coerce.number().int().min(100).default(10_000),
  /** Same for searches (`q`): counting search matches reads their wide search vectors, so fewer are counted. */
  SEARCH_COUNT_CAP: z.coerce.number().int().min(100).default(1_000),
  // Courier webhooks: comma-separated secrets (several during rotation); unset = endpoint disabled.
  AFTERSHIP_WEBHOOK_SECRETS: z.string().optional(),
  GENERIC_WEBHOOK_SECRETS: z.string().optional(),
  SWEETTRACKER_WEBHOOK_TOKEN: z.string().min(32, 'at least 32 characters (it is the only credential)').optional(),
  SWEETTRACKER_ALLOWED_IPS: z.string().optional(),
  // Warehouse API for reshipments (contract: apps/warehouse-sandbox/README.md); unset = requests wait.
  WAREHOUSE_API_URL: z.string().regex(/^https?:\/\//, 'must be an http(s):// URL').optional(),
  WAREHOUSE_API_KEY: z.string().min(8).optional(),
  WAREHOUSE_CALLBACK_SECRET: z.string().min(16).optional(),
  WAREHOUSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Where the warehouse reaches us (callback URL); defaults to http://localhost:PORT. */
  PUBLIC_BASE_URL: z.string().regex(/^https?:\/\//, 'must be an http(s):// URL').optional(),
  // Customer form and status page.
  /** HMAC key for the form's "opened at" token; several API instances must share it. */
  FORM_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PUBLIC_FORM_MIN_FILL_MS: z.coerce.number().int().min(0).max(600_000).default(3_000),
  PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Status-page reads and replies per IP per minute. */
  PUBLIC_READ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Form submissions written at once per API process (the rest wait their turn); default half the DB pool. */
  PUBLIC_INTAKE_CONCURRENCY: z.coerce.number().int().min(1).max(200).optional(),
  /** Submissions allowed to wait for a turn before the API answers 503 (Retry-After). */
  PUBLIC_INTAKE_MAX_WAITING: z.coerce.number().int().min(0).max(100_000).default(1_000),
  CUSTOMER_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Attachments live here, outside any public path. */
  ATTACHMENTS_DIR: z.string().default('var/attachments'),
  /** Large CSV exports are written here by the worker, outside any public path. */
  EXPORTS_DIR: z.string().default('var/exports'),
  // Outbound e-mail (nodemailer SMTP); unset SMTP_HOST = mails are stored as "not sent: no SMTP".
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('ShopDesk 고객센터 <support@shopdesk.test>'),
  /** First retry delay of a failed send; it doubles on each of the 5 tries. */
  SMTP_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
});

export type AppConfig = {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  queuePrefix: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  corsOrigins: string[];
  adminDistDir: string | null;
  supportDistDir: string | null;
  logLevel: string;
  loginRateLimitPerMinute: number;
  loginFailuresPerAccountPerHour: number;
  metricsToken: string | null;
  listCountCap: number;
  searchCountCap: number;
  warehouse: { apiUrl: string | null; apiKey: string | null; callbackSecret: string | null; timeoutMs: number };
  publicBaseUrl: string;
  publicForm: {
    formTokenSecret: string | null;
    minFillMs: number;
    perIpPerHour: number;
    perEmailPerHour: number;
    readsPerMinute: number;
    reopenDays: number;
    intakeConcurrency: number;
    intakeMaxWaiting: number;
  };
  attachmentsDir: string;
  exportsDir: string;
  smtp: { host: string | null; port: number; secure: boolean; user: string | null; password: string | null; from: string; retryDelayMs: number };
  webhooks: {
    aftershipSecrets: string[];
    genericSecrets: string[];
    sweetTrackerToken: string | null;
    sweetTrackerAllowedIps: string[];
  };
};

export class ConfigError extends Error {}

function list(v: string | undefined): string[] {
  return (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "not set" so that `FOO=` in a shell behaves like an absent variable.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError(`설정 오류 / Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.FORM_TOKEN_SECRET) {
    throw new ConfigError('설정 오류 / Invalid configuration:\n  FORM_TOKEN_SECRET: required in production (shared by every API instance)');
  }
  return {
    nodeEnv: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    redisUrl: c.REDIS_URL,
    queuePrefix: c.QUEUE_PREFIX,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    corsOrigins: list(c.CORS_ORIGINS),
    adminDistDir: c.ADMIN_DIST_DIR ?? null,
    supportDistDir: c.SUPPORT_DIST_DIR ?? null,
    logLevel: c.LOG_LEVEL,
    loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginFailuresPerAccountPerHour: c.LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR,
    metricsToken: c.METRICS_TOKEN ?? null,
    listCountCap: c.LIST_COUNT_CAP,
    searchCountCap: c.SEARCH_COUNT_CAP,
    warehouse: {
      apiUrl: c.WAREHOUSE_API_URL?.replace(/\/$/, '') ?? null,
      apiKey: c.WAREHOUSE_API_KEY ?? null,
      callbackSecret: c.WAREHOUSE_CALLBACK_SECRET ?? null,
      timeoutMs: c.WAREHOUSE_TIMEOUT_MS,
    },
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    publicForm: {
      formTokenSecret: c.FORM_TOKEN_SECRET ?? null,
      minFillMs: c.PUBLIC_FORM_MIN_FILL_MS,
      perIpPerHour: c.PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR,
      perEmailPerHour: c.PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR,
      readsPerMinute: c.PUBLIC_READ_RATE_LIMIT_PER_MINUTE,
      reopenDays: c.CUSTOMER_REOPEN_DAYS,
      // Agents keep the other half of the pool however busy the public form gets.
      intakeConcurrency: c.PUBLIC_INTAKE_CONCURRENCY ?? Math.max(1, Math.floor(c.DATABASE_POOL_SIZE / 2)),
      intakeMaxWaiting: c.PUBLIC_INTAKE_MAX_WAITING,
    },
    attachmentsDir: c.ATTACHMENTS_DIR,
    exportsDir: c.EXPORTS_DIR,
    smtp: {
      host: c.SMTP_HOST ?? null,
      port: c.SMTP_PORT,
      secure: c.SMTP_SECURE ?? c.SMTP_PORT === 465,
      user: c.SMTP_USER ?? null,
      password: c.SMTP_PASSWORD ?? null,
      from: c.MAIL_FROM,
      retryDelayMs: c.SMTP_RETRY_DELAY_MS,
    },
    webhooks: {
      aftershipSecrets: list(c.AFTERSHIP_WEBHOOK_SECRETS),
      genericSecrets: list(c.GENERIC_WEBHOOK_SECRETS),
      sweetTrackerToken: c.SWEETTRACKER_WEBHOOK_TOKEN ?? null,
      sweetTrackerAllowedIps: list(c.SWEETTRACKER_ALLOWED_IPS),
    },
  };
}

/** Nest injection token for the validated config. */
export const APP_CONFIG = Symbol('APP_CONFIG');
