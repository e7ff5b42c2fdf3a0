import { splitSnippet } from '@shopdesk/contracts/search';
import { buildSnippet, searchRuns } from './search-snippet';

describe('searchRuns', () => {
  it('splits Korean and ASCII runs and lower-cases ASCII only', () => {
    expect(searchRuns('SD-000123 환불')).toEqual(['sd', '000123', '환불']);
    expect(searchRuns('민수kim@Example')).toEqual(['민수', 'kim', 'example']);
    expect(searchRuns('--')).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('marks the whole query where it occurs as typed', () => {
    expect(buildSnippet('주문 ORD-20240517-0001 환불 요청', 'ord-2024')).toBe('주문 ⟦ORD-2024⟧0517-0001 환불 요청');
  });

  it('marks each run when the query does not occur as a whole', () => {
    expect(buildSnippet('환불 요청: 상품 누락', '누락 환불')).toBe('⟦환불⟧ 요청: 상품 ⟦누락⟧');
  });

  it('crops long text around the first match', () => {
    const text = `${'가'.repeat(100)} 택배 분실 ${'나'.repeat(100)}`;
    const snippet = buildSnippet(text, '택배', 40);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('⟦택배⟧');
  });

  it('drops marker characters found in the text itself, so parts cannot be forged', () => {
    const parts = splitSnippet(buildSnippet('⟦가짜⟧ 환불', '환불'));
    expect(parts).toEqual([
      { text: '가짜 ', marked: false },
      { text: '환불', marked: true },
    ]);
  });
});
