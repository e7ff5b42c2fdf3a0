import { containsPattern } from './like-pattern';

describe('containsPattern', () => {
  it('wraps the text and escapes LIKE wildcards', () => {
    expect(containsPattern('환불')).toBe('%환불%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
