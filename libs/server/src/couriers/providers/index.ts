// Everything the courier-webhook endpoint and its tests need, from one place.
export * from './provider';
export { aftershipAdapter, aftershipStatus, AFTERSHIP_SUBTAG_STATUS, AFTERSHIP_TAG_STATUS } from './aftership.provider';
export {
  sweetTrackerAdapter,
  sweetTrackerEventId,
  sweetTrackerFid,
  SWEETTRACKER_ACK,
  SWEETTRACKER_LEVEL_STATUS,
} from './sweettracker.provider';
export { genericAdapter, GENERIC_MAX_EVENTS } from './generic.provider';
export {
  AFTERSHIP_SIGNATURE_HEADER,
  aftershipSignature,
  GENERIC_SIGNATURE_HEADER,
  GENERIC_TOLERANCE_SECONDS,
  genericSignatureHeader,
  ipAllowed,
  normalizeIp,
} from './signatures';
export { normalizeWaybill, parseCourierTime } from './parsing';
