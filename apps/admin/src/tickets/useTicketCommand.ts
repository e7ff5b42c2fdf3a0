import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { errorMessage } from '../providers/http-client';

/**
 * Runs one ticket command (reply, assign, status, …) through the data provider, then refreshes
 * the page so the record, the thread and the timeline all show the result. Failures show the
 * server's message (e.g. the 409 for an illegal status transition). A 401 still logs out:
 * useDataProvider routes errors through authProvider.checkError.
 */
export function useTicketCommand() {
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = useCallback(
    async (
      command: (dataProvider: ShopDeskDataProvider) => Promise<unknown>,
      success: { message: string; messageArgs?: Record<string, unknown> },
    ): Promise<boolean> => {
      setPending(true);
      try {
        await command(dataProvider);
        notify(success.message, { type: 'success', messageArgs: success.messageArgs });
        refresh();
        return true;
      } catch (error) {
        const message = errorMessage(error);
        notify(message, { type: 'error', messageArgs: { _: message } });
        return false;
      } finally {
        setPending(false);
      }
    },
    [dataProvider, notify, refresh],
  );

  return { run, pending };
}
