// The ticket list as CSV for Excel: UTF-8 with a BOM (so Excel reads Korean), RFC 4180 quoting,
// KST timestamps (formatted in SQL), and cells that would start a spreadsheet formula defused.

export const UTF8_BOM = '\uFEFF';

/** Column header (Korean / English) and the SQL that produces the cell from tickets `t` and users `assignee`. */
export const TICKET_CSV_COLUMNS: readonly { header: string; sql: string; alias: string }[] = [
  { header: '번호 / Reference', sql: 't.reference', alias: 'reference' },
  { header: '제목 / Subject', sql: 't.subject', alias: 'subject' },
  { header: '유형 / Type', sql: 't.type::text', alias: 'type' },
  { header: '상태 / Status', sql: 't.status::text', alias: 'status' },
  { header: '우선순위 / Priority', sql: 't.priority::text', alias: 'priority' },
  { header: '채널 / Channel', sql: 't.channel::text', alias: 'channel' },
  { header: '고객명 / Customer', sql: 't.customer_name', alias: 'customer_name' },
  { header: '이메일 / Email', sql: 't.customer_email', alias: 'customer_email' },
  { header: '전화번호 / Phone', sql: 't.customer_phone', alias: 'customer_phone' },
  { header: '주문번호 / Order', sql: 't.order_number', alias: 'order_number' },
  { header: '택배사 / Courier', sql: 't.courier_code', alias: 'courier_code' },
  { header: '운송장 / Waybill', sql: 't.waybill_number', alias: 'waybill_number' },
  { header: '담당자 / Assignee', sql: 'assignee.name', alias: 'assignee_name' },
  { header: '템플릿 / Template', sql: 't.template_key', alias: 'template_key' },
  { header: '태그 / Tags', sql: "array_to_string(t.tags, ', ')", alias: 'tags' },
  { header: '생성 (KST) / Created (KST)', sql: "to_char(t.created_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI:SS')", alias: 'created_kst' },
  { header: '해결 (KST) / Resolved (KST)', sql: "to_char(t.resolved_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI:SS')", alias: 'resolved_kst' },
];

// Phone numbers start with "+" legitimately; anything else starting like a formula gets a leading '.
const PHONE = /^\+?[0-9][0-9 ()-]*$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (FORMULA_START.test(s) && !PHONE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const TICKET_CSV_HEADER = UTF8_BOM + csvLine(TICKET_CSV_COLUMNS.map((c) => c.header));

export function ticketCsvLine(row: Record<string, unknown>): string {
  return csvLine(TICKET_CSV_COLUMNS.map((c) => row[c.alias]));
}

/** `tickets-20261122-0830.csv` in KST. */
export function exportFileName(at: Date): string {
  const kst = new Date(at.getTime() + 9 * 3_600_000).toISOString();
  return `tickets-${kst.slice(0, 10).replace(/-/g, '')}-${kst.slice(11, 16).replace(':', '')}.csv`;
}
