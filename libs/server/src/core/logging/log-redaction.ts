/**
 * What never reaches a log line as written: credentials and customer tokens are replaced, e-mail
 * addresses and phone numbers are masked so a line still tells two customers apart.
 */
const SECRET_KEYS = ['password', 'token', 'passwordHash', 'tokenHash', 'secret', 'apiKey'];
const EMAIL_KEYS = ['email', 'customerEmail', 'to', 'from'];
const PHONE_KEYS = ['phone', 'customerPhone', 'mobile'];

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-ticket-token"]',
  'req.headers["x-api-key"]',
  'req.headers["aftership-hmac-sha256"]',
  'req.headers["x-signature"]',
  'res.headers["set-cookie"]',
  ...[...SECRET_KEYS, ...EMAIL_KEYS, ...PHONE_KEYS].flatMap((k) => [k, `*.${k}`]),
];

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***@${value.slice(at + 1)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length < 4 ? '***' : `***-****-${digits.slice(-4)}`;
}

/** pino `redact.censor`: masks by the key it was found under. */
export function censor(value: unknown, path: string[]): unknown {
  if (value === undefined || value === null) return value;
  const key = path[path.length - 1] ?? '';
  if (typeof value === 'string' && EMAIL_KEYS.includes(key)) return value.includes('@') ? maskEmail(value) : value;
  if (typeof value === 'string' && PHONE_KEYS.includes(key)) return maskPhone(value);
  return '[redacted]';
}
