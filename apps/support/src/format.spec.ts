import { formatFileSize, formatKst, kstLocalToIso } from './format';

const NOW = new Date('2026-11-20T00:00:00Z');

describe('formatKst', () => {
  it('shows Korea time in Korean, afternoon as 오후', () => {
    // 06:00 UTC is 15:00 in Seoul; 2026-11-24 is a Tuesday.
    expect(formatKst('2026-11-24T06:00:00Z', 'ko', NOW)).toBe('11월 24일 (화) 오후 3:00');
  });

  it('shows the morning and midnight as 오전', () => {
    expect(formatKst('2026-11-24T00:05:00+09:00', 'ko', NOW)).toBe('11월 24일 (화) 오전 12:05');
    expect(formatKst('2026-11-24T11:59:00+09:00', 'ko', NOW)).toBe('11월 24일 (화) 오전 11:59');
    expect(formatKst('2026-11-24T12:00:00+09:00', 'ko', NOW)).toBe('11월 24일 (화) 오후 12:00');
  });

  it('crosses the date line into Seoul', () => {
    // 20:30 UTC on the 23rd is already 05:30 on the 24th in Seoul.
    expect(formatKst('2026-11-23T20:30:00Z', 'ko', NOW)).toBe('11월 24일 (화) 오전 5:30');
  });

  it('formats English with KST', () => {
    expect(formatKst('2026-11-24T06:00:00Z', 'en', NOW)).toBe('Tue, Nov 24, 3:00 PM KST');
  });

  it('adds the year when it is not the current one', () => {
    expect(formatKst('2027-01-02T01:00:00Z', 'ko', NOW)).toBe('2027년 1월 2일 (토) 오전 10:00');
    expect(formatKst('2027-01-02T01:00:00Z', 'en', NOW)).toBe('Sat, Jan 2, 2027, 10:00 AM KST');
  });

  it('leaves an unreadable value as it is', () => {
    expect(formatKst('not a date', 'ko', NOW)).toBe('not a date');
  });
});

describe('formatFileSize', () => {
  it('uses binary units', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatFileSize(2.25 * 1024 * 1024)).toBe('2.3 MB');
    expect(formatFileSize(150 * 1024)).toBe('150 KB');
  });
});

describe('kstLocalToIso', () => {
  it('reads a datetime-local value as Korea time', () => {
    expect(kstLocalToIso('2026-11-24T14:30')).toBe('2026-11-24T14:30:00+09:00');
    expect(kstLocalToIso('2026-11-24T14:30:15')).toBe('2026-11-24T14:30:15+09:00');
  });

  it('leaves other text for the validator to report', () => {
    expect(kstLocalToIso('yesterday')).toBe('yesterday');
  });
});
