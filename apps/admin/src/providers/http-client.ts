import { fetchUtils, HttpError } from 'react-admin';

/**
 * Every API call carries the session cookie. fetchJson turns non-2xx answers into an
 * HttpError whose `message` is the API's `{ message }` and whose `body` keeps `code` and
 * `errors`, which is what react-admin shows in notifications and maps onto form fields.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, { ...options, credentials: 'include' });
  } catch (error) {
    throw withServerMessageOnForm(error);
  }
}

/**
 * When a response carries field `errors` (422 validation, 409 e-mail taken) react-admin puts
 * them on the form fields and, instead of the response's message, notifies a generic "form is
 * invalid" — unless `errors.root.serverError` is set. The API's message says what was
 * rejected, so it goes there.
 */
function withServerMessageOnForm(error: unknown): unknown {
  if (!(error instanceof HttpError) || error.status < 400 || error.status >= 500) return error;
  const body = error.body as { message?: string; errors?: Record<string, unknown> } | undefined;
  if (!body?.errors || !Object.keys(body.errors).length || !body.message) return error;
  return new HttpError(error.message, error.status, {
    ...body,
    errors: { ...body.errors, root: { serverError: body.message } },
  });
}

/** The text to show for a failed call: the server's message when there is one. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error && error.message) return error.message;
  return 'ra.notification.http_error';
}
