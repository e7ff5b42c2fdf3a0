import { idempotencyKeyHash, openResponse, requestFingerprint, sealResponse, signFormToken, verifyFormToken } from './public-crypto';

const SECRET = 'x'.repeat(40);

describe('form token', () => {
  it('round-trips the issue time and refuses tampering', () => {
    const t = signFormToken(SECRET, 1_795_000_000_000);
    expect(verifyFormToken(SECRET, t)).toEqual({ ok: true, issuedAtMs: 1_795_000_000_000 });
    const [at, nonce, sig] = t.split('.');
    expect(verifyFormToken(SECRET, `${Number(at) - 60_000}.${nonce}.${sig}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyFormToken('y'.repeat(40), t)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyFormToken(SECRET, 'garbage')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyFormToken(SECRET, `${at}.${nonce}.`)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});

describe('sealed replay answers', () => {
  it('open only with the same idempotency key', () => {
    const sealed = sealResponse('key-1', { token: 'secret-token', n: 1 });
    expect(JSON.stringify(sealed)).not.toContain('secret-token');
    expect(openResponse('key-1', sealed)).toEqual({ token: 'secret-token', n: 1 });
    expect(() => openResponse('key-2', sealed)).toThrow();
  });

  it('hashes keys and fingerprints bodies independent of key order', () => {
    expect(idempotencyKeyHash('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyHash('a')).not.toBe(idempotencyKeyHash('b'));
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 } }, ['h1'])).toBe(requestFingerprint({ b: { d: 3, c: 2 }, a: 1 }, ['h1']));
    expect(requestFingerprint({ a: 1 }, ['h1'])).not.toBe(requestFingerprint({ a: 1 }, ['h2']));
    expect(requestFingerprint({ a: 1 }, [])).not.toBe(requestFingerprint({ a: 2 }, []));
  });
});
