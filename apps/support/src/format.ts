// How times and sizes are shown to customers. Times are always Korea time (Asia/Seoul), whatever
// the phone's time zone: deadlines and replies are promised in KST.
import type { Locale } from './i18n';

const SEOUL = 'Asia/Seoul';

const partsFormatters = new Map<Locale, Intl.DateTimeFormat>();

function kstParts(date: Date, locale: Locale): Record<string, string> {
  let f = partsFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
      timeZone: SEOUL,
      year: 'numeric',
      month: locale === 'ko' ? 'numeric' : 'short',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(locale, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/**
 * "11월 24일 (화) 오후 3:00" / "Tue, Nov 24, 3:00 PM KST"; the year is added when it is not the
 * current one. The pieces are assembled here rather than left to the locale's pattern, which differs
 * between ICU versions (some print "PM" in Korean).
 */
export function formatKst(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = kstParts(date, locale);
  const hour24 = Number(p.hour) % 24;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const sameYear = kstParts(now, locale).year === p.year;
  if (locale === 'ko') {
    const day = `${sameYear ? '' : `${p.year}년 `}${Number(p.month)}월 ${Number(p.day)}일 (${p.weekday})`;
    return `${day} ${hour24 < 12 ? '오전' : '오후'} ${hour12}:${p.minute}`;
  }
  const day = `${p.weekday}, ${p.month} ${Number(p.day)}${sameYear ? '' : `, ${p.year}`}`;
  return `${day}, ${hour12}:${p.minute} ${hour24 < 12 ? 'AM' : 'PM'} KST`;
}

/** "512 B", "12.3 KB", "10 MB" (binary units, as the upload limits are counted). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

/** A `datetime-local` value ("2026-11-24T14:30") read as Korea time: "2026-11-24T14:30:00+09:00". */
export function kstLocalToIso(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/.exec(value.trim());
  if (!m) return value.trim();
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+09:00`;
}
