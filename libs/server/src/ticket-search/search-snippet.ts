import { SEARCH_MARK_END, SEARCH_MARK_START } from '@shopdesk/contracts/search';

// Text-side half of the Korean search (the index half is SQL, migrations/1795360000000-KoreanSearch.ts).
// The character classes must match the migration's: Hangul/kana/CJK runs, or ASCII letters/digits.
const RUN = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+/g;

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The query's runs as the index sees them; empty when the query holds nothing searchable (e.g. "--"). */
export function searchRuns(q: string): string[] {
  return asciiLower(q).match(RUN) ?? [];
}

/**
 * A short excerpt of `text` around the first match of `q`, the matched parts between the
 * SEARCH_MARK characters: the whole query where it occurs as typed, otherwise each of its runs.
 */
export function buildSnippet(text: string, q: string, width = 80): string {
  const clean = text.replace(/[\u27e6\u27e7]/g, '').replace(/\s+/g, ' ').trim();
  const haystack = asciiLower(clean);
  const whole = asciiLower(q.trim());
  const needles = whole && haystack.includes(whole) ? [whole] : searchRuns(q);

  const ranges: [number, number][] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }

  const first = merged[0] ?? [0, 0];
  const start = clean.length <= width ? 0 : Math.max(0, Math.min(first[0] - 20, clean.length - width));
  const end = Math.max(Math.min(clean.length, start + width), first[1]);
  let out = start > 0 ? '…' : '';
  let pos = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    out += clean.slice(pos, from) + SEARCH_MARK_START + clean.slice(from, to) + SEARCH_MARK_END;
    pos = to;
  }
  out += clean.slice(pos, end) + (end < clean.length ? '…' : '');
  return out;
}
