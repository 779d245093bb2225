import { describe, expect, it } from 'vitest';
import {
  codeSimilarity, comparePersonNames, companyNameKey, companyNameSimilarity, dateSimilarity, emailSimilarity, foldText, levenshteinSimilarity,
  namePinyin, personName, phoneSimilarity, textSimilarity, typoDistance,
} from './similarity.ts';

describe('normalising', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldText("O'Brien-Smith")).toBe('o brien smith');
    expect(foldText('  José  Müller ')).toBe('jose muller');
    expect(foldText(null)).toBe('');
  });

  it('reads Chinese names in pinyin, traditional and simplified alike, surnames as surnames', () => {
    expect(namePinyin('张伟')).toBe('zhangwei');
    expect(namePinyin('張偉')).toBe('zhangwei');
    expect(namePinyin('单雄信')).toBe('shanxiongxin');
    expect(namePinyin('Tom')).toBe('');
  });

  it('splits a name typed into one field', () => {
    expect(personName(null, null, 'John Smith')).toMatchObject({ first: 'john', last: 'smith', cjk: false });
    expect(personName('张', null, '张伟')).toMatchObject({ full: '张伟', cjk: true });
  });

  it('drops legal forms from company names', () => {
    expect(companyNameKey('Acme Trading Co., Ltd.')).toBe('acme trading');
    expect(companyNameKey('上海星辰科技有限公司')).toBe('上海星辰科技');
  });
});

describe('edit distances', () => {
  it('normalises Levenshtein by the longer string', () => {
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 10);
    expect(levenshteinSimilarity('', '')).toBe(1);
  });

  it('counts one swap of neighbours as one typo', () => {
    expect(typoDistance('4137877', '4137787')).toBe(1);
    expect(typoDistance('abcd', 'abdc')).toBe(1);
    expect(typoDistance('abcd', 'badc')).toBeGreaterThan(1);
    expect(typoDistance('abcd', 'abxy')).toBe(2);
  });
});

describe('field comparators', () => {
  it('names: first with first, last with last, or crossed when swapped; a missing part is left out', () => {
    const same = comparePersonNames(personName('John', 'Smith', null), personName('john', 'smith', null));
    expect(same?.similarity).toBe(1);
    const swapped = comparePersonNames(personName('mikhayla', 'hannagan', null), personName('hannagan', 'mikhayla', null));
    expect(swapped?.swapped).toBe(true);
    expect(swapped?.similarity).toBe(1);
    const partial = comparePersonNames(personName(null, 'waller', 'waller'), personName('gisella', 'waller', null));
    expect(partial?.parts).toEqual([{ similarity: 1, share: 0.55 }]);
    expect(comparePersonNames(personName('J', 'Smith', null), personName('John', 'Smith', null))?.parts[0]?.similarity).toBe(0.9);
  });

  it('Chinese names: same characters, same pinyin (variant or homophone), else characters in place', () => {
    const cmp = (a: string, b: string) => comparePersonNames(personName(null, null, a), personName(null, null, b))?.similarity;
    expect(cmp('张伟', '张伟')).toBe(1);
    expect(cmp('张伟', '張偉')).toBe(0.95);
    expect(cmp('张伟', '张玮')).toBe(0.95);
    expect(cmp('张伟', '张文')).toBe(0.5);
    expect(comparePersonNames(personName(null, null, '张伟'), personName('Wei', 'Zhang', null))?.similarity).toBe(0.9);
  });

  it('emails and phones: any value in common; a moved mailbox or a number without its prefix is similar', () => {
    expect(emailSimilarity(['a@x.com', 'b@y.com'], ['b@y.com'])).toBe(1);
    expect(emailSimilarity(['john.smith@x.com'], ['john.smith@y.com'])).toBe(0.5);
    expect(emailSimilarity(['info@x.com'], ['info@y.com'])).toBe(0);
    expect(phoneSimilarity(['+8613812348000'], ['+8613812348000'])).toBe(1);
    expect(phoneSimilarity(['+8613812348000'], ['+8513812348000'])).toBe(0.9);
    expect(phoneSimilarity(['+8613812348000'], ['+8613812348001'])).toBe(0);
  });

  it('dates: a typo or swapped day and month is similar, anything else different', () => {
    expect(dateSimilarity('1977-05-01', '1977-05-01')).toBe(1);
    expect(dateSimilarity('1977-05-01', '1977-01-05')).toBe(0.8);
    expect(dateSimilarity('1977-05-01', '1977-05-07')).toBe(0.7);
    expect(dateSimilarity('1977-05-01', '1980-11-23')).toBe(0);
  });

  it('codes ignore spacing; one typo in a long enough code is similar', () => {
    expect(codeSimilarity('SW1A 1AA', 'sw1a1aa')).toBe(1);
    expect(codeSimilarity('4137877', '4137787')).toBe(0.7);
    expect(codeSimilarity('123', '124')).toBe(0);
    expect(codeSimilarity('1030769', '5163016')).toBe(0);
  });

  it('free text ignores case and spacing', () => {
    expect(textSimilarity('Brentwood Vlge', 'brentwoo dvlge')).toBe(1);
    expect(textSimilarity('armidale', 'armdiale')).toBeCloseTo(1 - 1 / 8, 10);
    expect(textSimilarity('', 'x')).toBe(0);
  });

  it('company names: legal form aside, Jaro-Winkler; Chinese by characters or pinyin', () => {
    expect(companyNameSimilarity(companyNameKey('Acme Ltd'), companyNameKey('ACME Inc.'))).toBe(1);
    expect(companyNameSimilarity('上海星辰科技', '上海星晨科技')).toBe(0.95);
  });
});
