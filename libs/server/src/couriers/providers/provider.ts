// Courier webhook adapters: the shared types and `adapterFor`. The endpoint does, per request:
//   const adapter = adapterFor(provider);
//   adapter.verify({ rawBody, headers, secrets, now, ip, allowedIps });   // 401 / 403
//   const scans = adapter.parse(rawBody);                                 // 400 / 422
//   … store scans (unique per provider + eventId), enqueue …
//   answer 200 with adapter.ackBody()
// and answers a thrown WebhookRejected with its `status`, naming `field`.
import type { CourierProvider } from '@shopdesk/contracts/couriers';
import { aftershipAdapter } from './aftership.provider';
import { genericAdapter } from './generic.provider';
import { sweetTrackerAdapter } from './sweettracker.provider';
import type { CourierProviderAdapter } from './types';

export * from './types';

/**
 * The body as a plain object, for storing next to the scans: JSON, or Sweet Tracker's form-encoded
 * callback. Call it after `parse` succeeded (it throws the same WebhookRejected otherwise).
 */
export { parseJsonOrFormObject as rawPayloadObject } from './parsing';

const ADAPTERS: Readonly<Record<CourierProvider, CourierProviderAdapter>> = {
  aftership: aftershipAdapter,
  sweettracker: sweetTrackerAdapter,
  generic: genericAdapter,
};

export function adapterFor(provider: CourierProvider): CourierProviderAdapter {
  const adapter = Object.prototype.hasOwnProperty.call(ADAPTERS, provider) ? ADAPTERS[provider] : undefined;
  if (!adapter) throw new Error(`unknown courier provider: ${String(provider)}`);
  return adapter;
}
