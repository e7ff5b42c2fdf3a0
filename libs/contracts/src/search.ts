// Search highlights travel as plain text: the matched part of a snippet sits between these two
// characters (never HTML), and UIs split on them and render the parts as text.

export const SEARCH_MARK_START = '\u27e6'; // ⟦
export const SEARCH_MARK_END = '\u27e7'; // ⟧

/** Where a ticket matched the list's `q`, best field first (see docs/search.md). */
export const SEARCH_MATCH_FIELDS = [
  'reference',
  'order.number',
  'shipment.waybillNumber',
  'customer.name',
  'customer.email',
  'customer.phone',
  'subject',
  'description',
  'message',
] as const;
export type SearchMatchField = (typeof SEARCH_MATCH_FIELDS)[number];

export interface SearchMatch {
  field: SearchMatchField;
  /** A short excerpt of the field with the matched terms between SEARCH_MARK_START and SEARCH_MARK_END. */
  snippet: string;
}

/** Splits a snippet into plain and marked parts (the markers themselves dropped). */
export function splitSnippet(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let current = '';
  for (const ch of snippet) {
    if (ch === SEARCH_MARK_START || ch === SEARCH_MARK_END) {
      if (current) parts.push({ text: current, marked });
      current = '';
      marked = ch === SEARCH_MARK_START;
    } else {
      current += ch;
    }
  }
  if (current) parts.push({ text: current, marked });
  return parts;
}
