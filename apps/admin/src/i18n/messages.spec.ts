import englishMessages from 'ra-language-english';
import ko from './ko';
import en from './en';

// The Korean file is hand-written; these checks keep it complete when react-admin or our
// own English messages gain keys.

function flatten(messages: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') Object.assign(out, flatten(value, path));
    else out[path] = String(value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin translations', () => {
  const koFlat = flatten(ko);
  const enFlat = flatten(en);

  it('translates every react-admin message into Korean', () => {
    const missing = Object.keys(flatten(englishMessages)).filter((key) => !(key in koFlat));
    expect(missing).toEqual([]);
  });

  it('has the same keys in Korean and English', () => {
    expect(Object.keys(koFlat).sort()).toEqual(Object.keys(enFlat).sort());
  });

  it('uses only interpolation variables that the English message also receives', () => {
    const unknown = Object.keys(koFlat).filter((key) =>
      placeholders(koFlat[key]).some((name) => !placeholders(enFlat[key] ?? '').includes(name)),
    );
    expect(unknown).toEqual([]);
  });

  it('has no plural variants in Korean, which polyglot never selects', () => {
    expect(Object.keys(koFlat).filter((key) => koFlat[key].includes('||||'))).toEqual([]);
  });
});
