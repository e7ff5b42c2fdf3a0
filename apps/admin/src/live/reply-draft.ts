import { useEffect, useSyncExternalStore } from 'react';

// Whether the reply box of a ticket has text: the composer reports it, the presence notice
// sends "replying" instead of "viewing" while it does.

const drafting = new Set<string>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function useReportReplyDraft(ticketId: string | undefined, hasText: boolean): void {
  useEffect(() => {
    if (!ticketId || !hasText) return;
    drafting.add(ticketId);
    changed();
    return () => {
      drafting.delete(ticketId);
      changed();
    };
  }, [ticketId, hasText]);
}

export function useIsDraftingReply(ticketId: string | undefined): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => !!ticketId && drafting.has(ticketId),
  );
}
