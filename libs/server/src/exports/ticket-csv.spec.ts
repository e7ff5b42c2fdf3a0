import { csvCell, csvLine, exportFileName, TICKET_CSV_HEADER } from './ticket-csv';

describe('ticket CSV', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain', null])).toBe('"a,b","say ""hi""","two\nlines",plain,\r\n');
  });

  it('keeps phone numbers as they are and defuses formulas', () => {
    expect(csvCell('010-2345-6789')).toBe('010-2345-6789');
    expect(csvCell('+82 10-2345-6789')).toBe('+82 10-2345-6789');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
  });

  it('starts with a BOM and a bilingual header', () => {
    expect(TICKET_CSV_HEADER.charCodeAt(0)).toBe(0xfeff);
    expect(TICKET_CSV_HEADER).toContain('고객명 / Customer');
  });

  it('names the file by the KST time', () => {
    expect(exportFileName(new Date('2026-11-21T23:30:00Z'))).toBe('tickets-20261122-0830.csv');
  });
});
