import { useEffect, useRef } from 'react';
import { bindShortcuts, type ShortcutHandlers } from './shortcut-keys';

/** Keyboard shortcuts for as long as the calling component is mounted (see shortcut-keys.ts). */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => bindShortcuts(window, () => latest.current), []);
}
