// Signature and source checks shared by the adapters. Every comparison of a received MAC with an
// expected one goes through crypto.timingSafeEqual on buffers of equal length; a received value of
// the wrong length is rejected before any comparison.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { WebhookRejected, type VerifyInput } from './types';

export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256';
export const GENERIC_SIGNATURE_HEADER = 'x-signature';
/** Generic webhooks: a signature timestamp may be at most this far from `now`, either way. */
export const GENERIC_TOLERANCE_SECONDS = 300;

const SHA256_BYTES = 32;

/** Case-insensitive header lookup (Node lower-cases incoming names; tests and proxies may not). */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

export function hmacSha256(secret: string, ...parts: Buffer[]): Buffer {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** AfterShip's header value: base64(HMAC-SHA256(rawBody, secret)). */
export function aftershipSignature(rawBody: Buffer | string, secret: string): string {
  return hmacSha256(secret, toBuffer(rawBody)).toString('base64');
}

/** Hex HMAC-SHA256 of "<t>.<rawBody>" (the generic scheme's v1 value). */
export function genericSignatureV1(rawBody: Buffer | string, secret: string, t: number): string {
  return hmacSha256(secret, Buffer.from(`${t}.`, 'utf8'), toBuffer(rawBody)).toString('hex');
}

/** The generic scheme's full header value: 't=<unix seconds>,v1=<hex>'. */
export function genericSignatureHeader(rawBody: Buffer | string, secret: string, t: number): string {
  return `t=${t},v1=${genericSignatureV1(rawBody, secret, t)}`;
}

function toBuffer(raw: Buffer | string): Buffer {
  return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
}

/** Constant-time equality of two MACs; unequal lengths are simply unequal. */
export function macEquals(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function decodeBase64Strict(value: string): Buffer | null {
  const text = value.trim();
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}

function requireSecrets(secrets: string[], header: string): string[] {
  const usable = secrets.filter((s) => typeof s === 'string' && s.length > 0);
  // Fail closed: an integration without a secret accepts nothing.
  if (usable.length === 0) throw new WebhookRejected(401, header, 'no webhook secret is configured for this integration');
  return usable;
}

/** AfterShip: `aftership-hmac-sha256` = base64(HMAC-SHA256(rawBody, secret)); any of the secrets may match. */
export function verifyAftershipSignature(input: VerifyInput): void {
  const header = headerValue(input.headers, AFTERSHIP_SIGNATURE_HEADER);
  if (!header) throw new WebhookRejected(401, AFTERSHIP_SIGNATURE_HEADER, 'missing signature header');
  const secrets = requireSecrets(input.secrets, AFTERSHIP_SIGNATURE_HEADER);
  const given = decodeBase64Strict(header);
  if (!given || given.length !== SHA256_BYTES) {
    throw new WebhookRejected(401, AFTERSHIP_SIGNATURE_HEADER, 'malformed signature');
  }
  let ok = false;
  for (const secret of secrets) {
    if (macEquals(hmacSha256(secret, input.rawBody), given)) ok = true;
  }
  if (!ok) throw new WebhookRejected(401, AFTERSHIP_SIGNATURE_HEADER, 'signature does not match');
}

export interface GenericSignatureHeader {
  t: number;
  v1: Buffer[];
}

/** Parses 't=<unix>,v1=<hex>[,v1=<hex>…]'; unknown schemes (v0=, …) are ignored. Null when unusable. */
export function parseGenericSignatureHeader(value: string): GenericSignatureHeader | null {
  let t: number | null = null;
  const v1: Buffer[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(val) || t !== null) return null;
      t = Number(val);
    } else if (key === 'v1' && /^[0-9a-fA-F]{64}$/.test(val)) {
      v1.push(Buffer.from(val, 'hex'));
    }
  }
  if (t === null || v1.length === 0) return null;
  return { t, v1 };
}

/**
 * Generic (Stripe-style): `X-Signature: t=<unix>,v1=<hex hmac-sha256 of "<t>.<rawBody>">`. Any v1
 * entry may match any secret. The timestamp must be within 300 s of `now` either way; a correctly
 * signed but older (or too far future) request is rejected as stale.
 */
export function verifyGenericSignature(input: VerifyInput): void {
  const header = headerValue(input.headers, GENERIC_SIGNATURE_HEADER);
  if (!header) throw new WebhookRejected(401, GENERIC_SIGNATURE_HEADER, 'missing signature header');
  const secrets = requireSecrets(input.secrets, GENERIC_SIGNATURE_HEADER);
  const parsed = parseGenericSignatureHeader(header);
  if (!parsed) throw new WebhookRejected(401, GENERIC_SIGNATURE_HEADER, 'malformed signature header (expected t=…,v1=…)');
  const prefix = Buffer.from(`${parsed.t}.`, 'utf8');
  let ok = false;
  for (const secret of secrets) {
    const expected = hmacSha256(secret, prefix, input.rawBody);
    for (const given of parsed.v1) {
      if (macEquals(expected, given)) ok = true;
    }
  }
  if (!ok) throw new WebhookRejected(401, GENERIC_SIGNATURE_HEADER, 'signature does not match');
  const skew = Math.floor(input.now.getTime() / 1000) - parsed.t;
  if (Math.abs(skew) > GENERIC_TOLERANCE_SECONDS) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw new WebhookRejected(
      401,
      GENERIC_SIGNATURE_HEADER,
      `stale signature timestamp (${when}; tolerance ${GENERIC_TOLERANCE_SECONDS} s)`,
    );
  }
}

/** '::ffff:10.0.0.1' → '10.0.0.1'; surrounding blanks and IPv6 brackets dropped. */
export function normalizeIp(ip: string | undefined): string | null {
  if (!ip) return null;
  let text = ip.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1];
  return isIP(text) ? text : null;
}

/** True when `ip` equals one of the addresses or lies in one of the CIDR ranges; malformed entries never match. */
export function ipAllowed(ip: string, allowed: string[]): boolean {
  const address = normalizeIp(ip);
  if (!address) return false;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  for (const entry of allowed) {
    const [rawAddr, rawPrefix, extra] = entry.trim().split('/');
    if (extra !== undefined) continue;
    const addr = normalizeIp(rawAddr);
    if (!addr) continue;
    const entryFamily = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (rawPrefix === undefined) {
      list.addAddress(addr, entryFamily);
      continue;
    }
    const prefix = Number(rawPrefix);
    const max = entryFamily === 'ipv6' ? 128 : 32;
    if (!/^\d{1,3}$/.test(rawPrefix) || prefix > max) continue;
    list.addSubnet(addr, prefix, entryFamily);
  }
  return list.check(address, family);
}

/** 403 'ip' when an allowlist is configured and the source address is not on it. */
export function checkIpAllowlist(input: Pick<VerifyInput, 'ip' | 'allowedIps'>): void {
  const allowed = input.allowedIps ?? [];
  if (allowed.length === 0) return;
  const ip = normalizeIp(input.ip);
  if (!ip || !ipAllowed(ip, allowed)) {
    throw new WebhookRejected(403, 'ip', `source address ${ip ?? '(unknown)'} is not on the allowlist`);
  }
}
