import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Flattens class-validator errors into react-admin's `{ field: message }` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      // class-validator starts each message with the property name; a prefix check, not a RegExp
      // built from it (a client-chosen 100 KB key made `new RegExp` throw: a 500).
      const prefix = `${error.property} `;
      out[path] = Object.values(error.constraints)
        .map((m) => (m.startsWith(prefix) ? `${path} ${m.slice(prefix.length)}` : m))
        .join('; ');
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** An unpaired UTF-16 surrogate: not a character, cannot be encoded as UTF-8 (validators throw on it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string as stored text, or null: PostgreSQL cannot store NUL, nor UTF-8 a lone surrogate. */
function textFault(s: string): { ko: string; en: string } | null {
  if (s.includes('\u0000')) return { ko: 'NUL 문자(\\u0000)를 쓸 수 없습니다', en: 'must not contain NUL (\\u0000)' };
  if (LONE_SURROGATE.test(s)) return { ko: '올바른 유니코드 문자가 아닙니다 (짝 없는 서로게이트)', en: 'must be valid Unicode text (unpaired surrogate)' };
  return null;
}

/**
 * The first string (or object key) in `value` that cannot be stored as text — holding U+0000 or an
 * unpaired surrogate — as a dotted path with what is wrong, or null. Refused at the boundary
 * instead of failing deeper as a 500 (PostgreSQL, class-validator's byte-length checks).
 */
export function badTextPath(value: unknown, path = ''): { path: string; fault: { ko: string; en: string } } | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { path, fault } : null;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const keyFault = textFault(key);
    if (keyFault) return { path: at, fault: keyFault };
    const found = badTextPath(child, at);
    if (found !== null) return found;
  }
  return null;
}

/** A field name safe to echo in a message: NUL and lone surrogates written as escapes. */
const printable = (name: string) =>
  name.replace(/\u0000/g, '\\u0000').replace(new RegExp(LONE_SURROGATE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** The class-validator pipe, after a check every argument gets, typed or not (the public routes take `unknown`). */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const bad = badTextPath(value);
    if (bad !== null) {
      const field = printable(bad.path || metadata.data || metadata.type);
      throw new DomainError('VALIDATION_FAILED', `입력값을 확인하세요: ${field} — ${bad.fault.ko} / Invalid input: ${field} ${bad.fault.en}`, {
        [field]: bad.fault.en,
      });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const names = Object.keys(fields).join(', ');
      return new DomainError(
        'VALIDATION_FAILED',
        `입력값을 확인하세요: ${names} / Invalid input: ${names}`,
        fields,
      );
    },
  });
}
