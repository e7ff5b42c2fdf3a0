import { useEffect, useState } from 'react';
import { Tooltip } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { formatDateTime, formatRelative } from './formatting';

/** Keeps "n minutes ago" labels current while a page stays open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A human age ("3시간 전") with the exact date and time in a tooltip. */
export const RelativeTime = ({ value }: { value: string | null | undefined }) => {
  const [locale] = useLocaleState();
  const now = useNow();
  if (!value) return null;
  return (
    <Tooltip title={formatDateTime(value, locale) ?? ''}>
      <time dateTime={value}>{formatRelative(value, locale, now)}</time>
    </Tooltip>
  );
};
