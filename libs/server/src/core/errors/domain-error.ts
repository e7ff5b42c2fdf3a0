import type { ErrorCode } from '@shopdesk/contracts/errors';

/**
 * A failure the caller can act on. Carries a stable code; the HTTP status is decided in one
 * place (HttpErrorFilter). Messages are written Korean first, English second.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  INVALID_LIST_QUERY: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  TICKET_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  REOPEN_WINDOW_CLOSED: 409,
  MERGE_REFUSED: 409,
  SELECTION_TOO_LARGE: 422,
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_KEY_TAKEN: 409,
  SCENARIO_NOT_APPLIED: 409,
  SCENARIO_FIELDS_MISSING: 422,
  CHECKLIST_INCOMPLETE: 409,
  RESOLUTION_NOT_ALLOWED: 422,
  RESOLUTION_DEADLINE_PASSED: 409,
  ALREADY_RESOLVED: 409,
  ASSIGNEE_INVALID: 422,
  ILLEGAL_STATUS_TRANSITION: 409,
  TICKET_CLOSED: 409,
  EMAIL_TAKEN: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};
