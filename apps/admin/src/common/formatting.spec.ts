import { formatDateTime, formatKrw, formatRelative, maskPhone } from './formatting';

describe('maskPhone', () => {
  it.each([
    ['010-2345-5678', '010-****-5678'],
    ['01023455678', '010-****-5678'],
    ['+82 10-2345-5678', '010-****-5678'],
    ['02-123-4567', '02-****-4567'],
    ['1588', '****'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('keeps empty values empty', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('formatKrw', () => {
  it('shows whole won with the ₩ sign', () => {
    expect(formatKrw(12_300)).toBe('₩12,300');
    expect(formatKrw(null)).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('shows the time in KST whatever the machine time zone', () => {
    // 15:30 UTC is 00:30 the next day in Seoul.
    const text = formatDateTime('2026-11-20T15:30:00Z', 'ko-KR')!;
    expect(text).toContain('2026. 11. 21.');
    expect(text).toContain('12:30');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  it('says "3시간 전" / "3 hours ago"', () => {
    expect(formatRelative('2026-11-21T09:00:00Z', 'ko-KR', now)).toBe('3시간 전');
    expect(formatRelative('2026-11-21T09:00:00Z', 'en', now)).toBe('3 hours ago');
  });
});
