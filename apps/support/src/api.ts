// Calls to the public API (`/public/*`, same origin; the dev server proxies it). Every failure
// becomes an `ApiError` whose message is bilingual and ready to show: the server's own (it writes
// "한국어 / English"; a 500's includes its error id) or ours when the answer had none. `status` 0
// means the request never got an answer (offline, dropped).
import type {
  PublicFormInfo,
  PublicLinkRequest,
  PublicReplyInput,
  PublicTicketCreated,
  PublicTicketInput,
  PublicTicketView,
} from '@shopdesk/contracts/public';
import { bilingual } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Bilingual "한국어 / English" when it comes from the server. */
    message: string,
    /** Field errors by dotted path (422). */
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Anything thrown by an API call as an ApiError (a non-API failure counts as a dropped connection). */
export const toApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'NETWORK', bilingual('error.network')));

interface RequestOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON, or as the `payload` part of multipart/form-data when there are files. */
  body?: unknown;
  files?: readonly File[];
  token?: string;
  idempotencyKey?: string;
}

async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers['X-Ticket-Token'] = options.token;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let body: BodyInit | undefined;
  if (options.files?.length) {
    // The browser sets the multipart Content-Type with its boundary.
    const form = new FormData();
    form.append('payload', JSON.stringify(options.body ?? {}));
    for (const file of options.files) form.append('files', file, file.name);
    body = form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', bilingual('error.network'));
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let data: { code?: unknown; message?: unknown; errors?: unknown } = {};
  try {
    data = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an upload cut off by a size limit): status says enough.
  }
  const fallback = response.status === 413 ? bilingual('error.tooLarge') : bilingual('error.server');
  const errors: Record<string, string> = {};
  if (data.errors && typeof data.errors === 'object') {
    for (const [key, value] of Object.entries(data.errors)) if (typeof value === 'string') errors[key] = value;
  }
  return new ApiError(
    response.status,
    typeof data.code === 'string' ? data.code : `HTTP_${response.status}`,
    typeof data.message === 'string' && data.message ? data.message : fallback,
    errors,
  );
}

const json = async <T>(response: Promise<Response>): Promise<T> => {
  const r = await response;
  try {
    return (await r.json()) as T;
  } catch {
    throw new ApiError(r.status, 'BAD_RESPONSE', bilingual('error.server'));
  }
};

const ticketPath = (reference: string) => `/public/tickets/${encodeURIComponent(reference)}`;

export const api = {
  getForm: () => json<PublicFormInfo>(request('/public/form')),

  createTicket: (input: PublicTicketInput, files: readonly File[], idempotencyKey: string) =>
    json<PublicTicketCreated>(request('/public/tickets', { method: 'POST', body: input, files, idempotencyKey })),

  getTicket: (reference: string, token: string) => json<PublicTicketView>(request(ticketPath(reference), { token })),

  reply: async (reference: string, token: string, input: PublicReplyInput, files: readonly File[], idempotencyKey: string) => {
    await request(`${ticketPath(reference)}/messages`, { method: 'POST', body: input, files, token, idempotencyKey });
  },

  confirm: (reference: string, token: string) =>
    json<PublicTicketView>(request(`${ticketPath(reference)}/confirm`, { method: 'POST', token })),

  reopen: (reference: string, token: string) =>
    json<PublicTicketView>(request(`${ticketPath(reference)}/reopen`, { method: 'POST', token })),

  /** Always answered 202 with a neutral message, whether or not anything matched. */
  requestLink: async (input: PublicLinkRequest) => {
    await request('/public/links', { method: 'POST', body: input });
  },

  /** Attachments need the token header, so they cannot be plain links. */
  downloadAttachment: async (reference: string, token: string, attachmentId: string): Promise<Blob> => {
    const r = await request(`${ticketPath(reference)}/attachments/${encodeURIComponent(attachmentId)}`, { token });
    return r.blob();
  },
};

/** A v4 UUID; `crypto.randomUUID` only exists in secure contexts, so fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
