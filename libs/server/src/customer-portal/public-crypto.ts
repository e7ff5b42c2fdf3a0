import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// Small, pure helpers for the public form: the signed "form opened at" token and the sealed
// replay answer stored under an Idempotency-Key.

/** `<issuedAtMs>.<nonce>.<hmac>`: proves when the form was served, without server state. */
export function signFormToken(secret: string, issuedAtMs: number, nonce = randomBytes(9).toString('base64url')): string {
  const body = `${issuedAtMs}.${nonce}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export type FormTokenCheck = { ok: true; issuedAtMs: number } | { ok: false; reason: 'malformed' | 'bad_signature' };

export function verifyFormToken(secret: string, token: string): FormTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^\d{13}$/.test(parts[0])) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, issuedAtMs: Number(parts[0]) };
}

/** The stored row is keyed by a hash; the raw key never reaches the database. */
export function idempotencyKeyHash(key: string): string {
  return createHash('sha256').update(`idempotency:${key}`).digest('hex');
}

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

function keyFor(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, 'shopdesk-public-replay', 'response', 32));
}

/**
 * The answer to a public request holds the customer's status-page token, so it is stored sealed
 * (AES-256-GCM) with a key derived from the Idempotency-Key itself: only the client that holds
 * the key can get the answer replayed; the database alone cannot open it.
 */
export function sealResponse(idempotencyKey: string, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function openResponse<T>(idempotencyKey: string, sealed: Sealed): T {
  const decipher = createDecipheriv('aes-256-gcm', keyFor(idempotencyKey), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}

/** A stable fingerprint of a request body plus its files, to refuse a reused key with other content. */
export function requestFingerprint(body: unknown, fileHashes: string[]): string {
  return createHash('sha256').update(stableJson(body)).update('\n').update(fileHashes.join(',')).digest('hex');
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
