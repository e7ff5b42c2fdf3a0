import { bilingual, en, ko, pickBilingual, translate } from './i18n';

describe('support i18n dictionaries', () => {
  it('have the same keys in Korean and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
  });

  it('have no empty texts', () => {
    for (const dict of [ko, en]) {
      for (const [key, text] of Object.entries(dict)) expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(ko[key])]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(translate('ko', 'done.firstReply', { due: '11월 24일 (화) 오후 3:00' })).toBe('담당자가 11월 24일 (화) 오후 3:00까지 첫 답변을 드립니다.');
    expect(translate('en', 'done.firstReply')).toBe('An agent will reply by {due}.');
  });
});

describe('bilingual messages', () => {
  it('picks the half for the locale', () => {
    const m = '이름을 입력해 주세요 / name is required';
    expect(pickBilingual(m, 'ko')).toBe('이름을 입력해 주세요');
    expect(pickBilingual(m, 'en')).toBe('name is required');
  });

  it('keeps a message without a separator whole', () => {
    expect(pickBilingual('Too many requests', 'ko')).toBe('Too many requests');
  });

  it('splits on the first separator only', () => {
    expect(pickBilingual('값이 올바르지 않습니다 / must match a/b / c', 'en')).toBe('must match a/b / c');
  });

  it('round-trips client messages', () => {
    const m = bilingual('attach.tooMany', { max: 5 });
    expect(pickBilingual(m, 'ko')).toBe('파일은 5개까지 첨부할 수 있습니다.');
    expect(pickBilingual(m, 'en')).toBe('You can attach up to 5 files.');
  });
});
