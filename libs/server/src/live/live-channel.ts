// Redis names of the live stream. Both carry QUEUE_PREFIX so two deployments (or the tests) that
// share a Redis never hear each other.

/** The pub/sub channel every API instance subscribes to once. */
export const liveChannel = (prefix: string): string => `${prefix}:live:events`;

/** One hash per ticket: agent id → presence entry; the key itself expires with its last entry. */
export const presenceKey = (prefix: string, ticketId: string): string => `${prefix}:live:presence:${ticketId}`;
