// Display formats shared by the ticket pages. Amounts are whole won; dates come from the API
// as ISO strings and are shown in Korean time (KST) whatever the agent's machine says, in the UI language.

const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });

/** 12000 → "₩12,000" (the same in both languages: prices are always in won). */
export function formatKrw(amount: number | null | undefined): string | null {
  return amount == null ? null : krw.format(amount);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(date);
}

/** A YYYY-MM-DD calendar date, formatted without shifting it through a time zone. */
export function formatCalendarDate(isoDate: string | null | undefined, locale: string): string | null {
  if (!isoDate) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3시간 전" / "3 hours ago": the largest whole unit, "지금"/"now" under a minute. */
export function formatRelative(iso: string, locale: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/**
 * "010-2345-5678" → "010-****-5678": lists show only the last four digits (the ticket page shows
 * the whole number). Anything that is not a phone number keeps only its last four characters.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const raw = phone.replace(/\D/g, '');
  const digits = phone.trim().startsWith('+82') ? `0${raw.slice(2)}` : raw; // +82 10-… → 010-…
  if (digits.length < 7) return '****';
  const head = digits.startsWith('02') ? '02' : digits.slice(0, 3);
  return `${head}-****-${digits.slice(-4)}`;
}
