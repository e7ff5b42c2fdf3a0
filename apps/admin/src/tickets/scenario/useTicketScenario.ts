import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { TemplateSuggestion, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { ShopDeskDataProvider } from '../../providers/data-provider';
import { errorMessage } from '../../providers/http-client';

// react-admin's refresh() invalidates every query, so these refetch together with the ticket,
// its thread and its timeline after each command.

export const scenarioQueryKey = (ticketId: string) => ['tickets', 'scenario', ticketId];

/** The template state of a ticket (null while none is applied). */
export function useTicketScenario(ticketId: string | undefined) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<TicketScenarioRecord | null>({
    queryKey: scenarioQueryKey(ticketId ?? ''),
    queryFn: async () => (await dataProvider.getTicketScenario(ticketId!)).data,
    enabled: !!ticketId,
  });
}

export function useScenarioSuggestions(ticketId: string | undefined, enabled = true) {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  return useQuery<TemplateSuggestion[]>({
    queryKey: ['tickets', 'scenarioSuggestions', ticketId ?? ''],
    queryFn: async () => (await dataProvider.getScenarioSuggestions(ticketId!)).data,
    enabled: !!ticketId && enabled,
  });
}

export interface CommandFailure {
  message: string;
  status?: number;
  code?: string;
  /** The response's `errors` (e.g. `fields.<id>`), when there are any. */
  errors: Record<string, unknown>;
}

export function toFailure(error: unknown): CommandFailure {
  const body = error instanceof HttpError ? (error.body as { code?: string; errors?: Record<string, unknown> } | undefined) : undefined;
  const { root: _root, ...errors } = body?.errors ?? {};
  return {
    message: errorMessage(error),
    status: error instanceof HttpError ? error.status : undefined,
    code: body?.code,
    errors,
  };
}

/**
 * Runs one scenario command, then refreshes the page (record, thread, timeline, scenario).
 * Failures are returned to the caller — a dialog shows them in place — and, unless
 * `notifyError: false`, also notified with the server's message.
 */
export function useScenarioCommand() {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = useCallback(
    async <T>(
      command: (dataProvider: ShopDeskDataProvider) => Promise<T>,
      options: { success?: string; successArgs?: Record<string, unknown>; notifyError?: boolean } = {},
    ): Promise<{ ok: true; data: T } | { ok: false; failure: CommandFailure }> => {
      setPending(true);
      try {
        const data = await command(dataProvider);
        if (options.success) notify(options.success, { type: 'success', messageArgs: options.successArgs });
        refresh();
        return { ok: true, data };
      } catch (error) {
        const failure = toFailure(error);
        if (options.notifyError !== false) notify(failure.message, { type: 'error', messageArgs: { _: failure.message } });
        return { ok: false, failure };
      } finally {
        setPending(false);
      }
    },
    [dataProvider, notify, refresh],
  );

  return { run, pending };
}
