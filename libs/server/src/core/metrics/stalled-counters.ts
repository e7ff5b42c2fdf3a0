/** Redis hash where workers count stalled jobs per queue, read by the API's /metrics. */
export function stalledCountersKey(queuePrefix: string): string {
  return `${queuePrefix}:metrics:stalled`;
}
