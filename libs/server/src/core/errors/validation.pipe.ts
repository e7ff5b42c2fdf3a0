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

/**
 * Where `value` holds U+0000 (in a string or an object key), as a dotted path, or null. PostgreSQL
 * text and jsonb cannot store it, so it is refused at the boundary instead of failing as a 500.
 */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulPath(child, at);
    if (found !== null) return found;
  }
  return null;
}

/** The class-validator pipe, after a check every argument gets, typed or not (the public routes take `unknown`). */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const at = nulPath(value);
    if (at !== null) {
      const field = (at || metadata.data || metadata.type).replace(/\u0000/g, '\\u0000');
      throw new DomainError(
        'VALIDATION_FAILED',
        `입력값에 NUL 문자(\\u0000)를 쓸 수 없습니다: ${field} / Input must not contain NUL (\\u0000): ${field}`,
        { [field]: 'must not contain NUL (\\u0000)' },
      );
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
