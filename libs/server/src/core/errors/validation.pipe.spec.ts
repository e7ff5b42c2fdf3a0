import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from './domain-error';
import { badTextPath, createValidationPipe, flattenValidationErrors } from './validation.pipe';

describe('input validation pipe', () => {
  const body: ArgumentMetadata = { type: 'body', metatype: Object, data: undefined };

  it('finds U+0000 and unpaired surrogates in nested strings and in object keys', () => {
    expect(badTextPath({ a: [{ b: 'ok' }, { c: 'x\u0000y' }] })?.path).toBe('a.1.c');
    expect(badTextPath({ ['k\u0000']: 1 })?.path).toBe('k\u0000');
    expect(badTextPath({ email: 'a\udc00@example.com' })).toEqual({ path: 'email', fault: expect.objectContaining({ en: 'must be valid Unicode text (unpaired surrogate)' }) });
    expect(badTextPath({ name: 'x\ud83d' })?.path).toBe('name');
    expect(badTextPath({ a: '한글 😀', n: 1, b: null, buf: Buffer.from([0]) })).toBeNull();
  });

  it('refuses an unpaired surrogate as a 422 naming the field (validator would throw a URIError: a 500)', async () => {
    const err = await createValidationPipe()
      .transform({ email: 'a\udc00@example.com' }, body)
      .catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    expect((err as DomainError).errors).toEqual({ email: 'must be valid Unicode text (unpaired surrogate)' });
  });

  it('refuses NUL as a 422 naming the field, also for untyped (public) bodies', async () => {
    const pipe = createValidationPipe();
    const err = await pipe.transform({ body: 'hi\u0000' }, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    expect((err as DomainError).errors).toEqual({ body: 'must not contain NUL (\\u0000)' });
    await expect(pipe.transform({ body: 'hi' }, body)).resolves.toEqual({ body: 'hi' });
  });

  it('names nested fields without building a RegExp from client-chosen keys', () => {
    const huge = '<'.repeat(100_000);
    const out = flattenValidationErrors([
      { property: huge, constraints: { whitelist: `property ${huge} should not exist` }, children: [] },
      { property: 'items', children: [{ property: '0', children: [{ property: 'qty', constraints: { min: 'qty must not be less than 1' }, children: [] }] }] },
    ]);
    expect(out[huge]).toBe(`property ${huge} should not exist`);
    expect(out['items.0.qty']).toBe('items.0.qty must not be less than 1');
  });
});
