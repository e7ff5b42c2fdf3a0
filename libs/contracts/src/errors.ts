/** Stable error codes returned by the API in `{ code, message, errors? }`. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_LIST_QUERY',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'TICKET_NOT_FOUND',
  'USER_NOT_FOUND',
  'ASSIGNEE_INVALID',
  'ILLEGAL_STATUS_TRANSITION',
  'TICKET_CLOSED',
  'EMAIL_TAKEN',
  'RATE_LIMITED',
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_KEY_TAKEN',
  'SCENARIO_NOT_APPLIED',
  'SCENARIO_FIELDS_MISSING',
  'CHECKLIST_INCOMPLETE',
  'RESOLUTION_NOT_ALLOWED',
  'RESOLUTION_DEADLINE_PASSED',
  'ALREADY_RESOLVED',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA',
  'IDEMPOTENCY_KEY_REUSED',
  'REOPEN_WINDOW_CLOSED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  errors?: Record<string, string>;
  errorId?: string;
}
