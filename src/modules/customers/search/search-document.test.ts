import { describe, expect, it } from 'vitest';
import {
  cjkGrams, companySearchColumns, contactSearchColumns, foldLatin, nameKey, pinyinKeys, queryTokens, searchDocument, searchPlan, tsqueryLiteral,
} from './search-document.ts';
import { matchedField } from './matched-field.ts';

describe('searchDocument', () => {
  it('indexes a Chinese name as characters, bigrams, its whole form and pinyin', () => {
    const doc = searchDocument({ names: ['张三丰'], emails: [], phones: [] });
    expect(doc.tokens).toEqual(expect.arrayContaining(['张', '三', '丰', '张三', '三丰', '=张三丰', 'zhangsanfeng', 'zsf', 'sanfeng', 'zhang', 'san', 'feng']));
    expect(doc.tokens).not.toContain('张三丰'); // substrings come from bigrams, not whole runs
    expect(doc.text).toBe('');
  });

  it('reads the family name as a surname (曾 → zeng, 单 → shan)', () => {
    expect(pinyinKeys('曾小贤')).toContain('zengxiaoxian');
    expect(pinyinKeys('单田芳')).toContain('shantianfang');
    expect(pinyinKeys('Anna')).toEqual([]);
  });

  it('folds Latin names: case, accents, whitespace', () => {
    const doc = searchDocument({ names: ['  Chloé   Lefèvre '], emails: [], phones: [] });
    expect(doc.tokens).toEqual(expect.arrayContaining(['chloe', 'lefevre', '=chloe lefevre']));
    expect(doc.text).toBe('chloe lefevre');
    expect(foldLatin('Søren ÅSTRÖM')).toBe('søren astrom');
    expect(nameKey(' Margaretha\tOosterhuis ')).toBe('margaretha oosterhuis');
  });

  it('indexes mixed names through the general path', () => {
    const doc = searchDocument({ names: ['李娜 Lina'], emails: [], phones: [] });
    expect(doc.tokens).toEqual(expect.arrayContaining(['李', '娜', '李娜', 'lina', 'ln', '=李娜 lina']));
    expect(doc.text).toBe('lina');
  });

  it('indexes emails whole, by words of the local part and by domain', () => {
    const doc = searchDocument({ names: [], emails: ['Jay.Zhou@Music.Example.com'], phones: [] });
    expect(doc.tokens).toEqual(expect.arrayContaining(['jay.zhou@music.example.com', 'jay', 'zhou', 'music.example.com']));
    expect(doc.text).toBe('jay.zhou@music.example.com');
  });

  it('keeps one reversed-number lexeme per phone, and the reversed numbers in phone_rev', () => {
    const doc = searchDocument({ names: [], emails: [], phones: ['+8613812348000', '+1 (415) 555-7531', '+8613812348000', null, ' '] });
    expect(doc.tokens).toEqual(expect.arrayContaining(['#0008432183168', '#13575555141']));
    expect(doc.phoneRev).toBe('0008432183168 13575555141');
    expect(searchDocument({ names: [], emails: [], phones: [] }).phoneRev).toBeNull();
  });

  it('gives the same tokens for the fast paths as the general one', () => {
    // "Anna Smith" and "王芳" take fast paths; appending a combining-free non-ASCII word forces the general path
    const fast = searchDocument({ names: ['Anna Smith'], emails: [], phones: [] }).tokens;
    expect(fast).toEqual(expect.arrayContaining(['anna', 'smith', '=anna smith']));
    const general = searchDocument({ names: ['Anna Smith ß'], emails: [], phones: [] }).tokens;
    expect(general).toEqual(expect.arrayContaining(['anna', 'smith']));
    expect(searchDocument({ names: ['王芳'], emails: [], phones: [] }).tokens.sort()).toEqual(['=王芳', 'fang', 'wang', 'wangfang', 'wf', '王', '王芳', '芳'].sort());
  });

  it('keeps the trigram text free of repeats', () => {
    const c = contactSearchColumns({ displayName: 'Margaretha Oosterhuis', firstName: 'Margaretha', lastName: 'Oosterhuis', emails: ['m.oosterhuis@example.nl'], phones: [] });
    expect(c.search_text).toBe('margaretha oosterhuis m.oosterhuis@example.nl');
  });

  it('builds contact and company columns', () => {
    const c = contactSearchColumns({ displayName: '李娜', firstName: '娜', lastName: '李', emails: ['lina@example.com'], phones: ['+8613800008000'] });
    expect(c.search_tokens).toEqual(expect.arrayContaining(['=李娜', '李娜', 'lina@example.com', '#0008000083168']));
    expect(c.phone_rev).toBe('0008000083168');
    const co = companySearchColumns({ name: '上海艾克美贸易有限公司', domain: 'Acme-Trade.cn' });
    expect(co.search_tokens).toEqual(expect.arrayContaining(['艾克', '克美', 'acme-trade.cn', 'acme', 'trade']));
  });

  it('bigrams cover every adjacent pair', () => {
    expect(cjkGrams('欧阳娜娜')).toEqual(['欧', '阳', '娜', '娜', '欧阳', '阳娜', '娜娜']);
  });
});

describe('queries', () => {
  it('turns a Chinese query into bigrams, Latin into folded terms, digits into a phone suffix', () => {
    expect(queryTokens('张三丰').tokens).toEqual(['张三', '三丰']);
    expect(queryTokens('李').tokens).toEqual(['李']);
    expect(queryTokens('Zoë  Smith').tokens).toEqual(['zoe', 'smith']);
    expect(queryTokens('jay.zhou@mus').tokens).toEqual(['jay.zhou@mus']);
    expect(queryTokens('acme-trade.cn').tokens).toEqual(['acme-trade.cn']);
    expect(queryTokens('Mary-Jane O’Brien').tokens).toEqual(['mary', 'jane', 'o', 'brien']);
    expect(queryTokens('138 1234-8000').digits).toBe('13812348000');
    expect(queryTokens('12').digits).toBeNull();
  });

  it('drops every tsquery operator and quotes every lexeme', () => {
    expect(queryTokens("a & | ! : * ( ) '").tokens).toEqual(['a']);
    expect(queryTokens('<-> !! :*').tokens).toEqual([]);
    expect(tsqueryLiteral(["o'brien", 'back\\slash'], true)).toBe("'o''brien' & 'back\\\\slash':*");
    expect(tsqueryLiteral([], false)).toBeNull();
  });

  it('plans exact, prefix, phone and fuzzy paths', () => {
    const latin = searchPlan('Margaretha Oosterh');
    expect(latin).toMatchObject({
      exactName: "'=margaretha oosterh'",
      exact: "'margaretha' & 'oosterh'",
      prefix: "'margaretha' & 'oosterh':*",
      phone: null,
      fuzzy: 'margaretha oosterh',
      fuzzyPrefix: "'marg':* & 'oost':*",
      hasEmail: false,
    });
    const cjk = searchPlan('李娜');
    expect(cjk).toMatchObject({ exact: "'李娜'", prefix: null, fuzzy: null, exactName: "'=李娜'" });
    expect(searchPlan('8000')).toMatchObject({ phone: "'#0008':*" });
    expect(searchPlan('z')).toMatchObject({ prefix: null, fuzzy: null }); // one letter would match most of the index
    expect(searchPlan('&|!')).toMatchObject({ exact: null, prefix: null, exactName: null, phone: null, fuzzy: null });
  });

  it('labels what a hit matched without looking at masked values', () => {
    const plan = (q: string) => searchPlan(q);
    expect(matchedField({ type: 'contact', title: '张三丰', tier: 1 }, plan('zsf'), 'zsf')).toBe('pinyin');
    expect(matchedField({ type: 'contact', title: '张三丰', tier: 1 }, plan('张三'), '张三')).toBe('name');
    expect(matchedField({ type: 'contact', title: 'Anna Smith', tier: 3 }, plan('smi'), 'smi')).toBe('name');
    expect(matchedField({ type: 'contact', title: 'Anna Smith', tier: 2 }, plan('8000'), '8000')).toBe('phone');
    expect(matchedField({ type: 'contact', title: 'Anna Smith', tier: 3 }, plan('anna@ex'), 'anna@ex')).toBe('email');
    expect(matchedField({ type: 'company', title: 'Acme Trading', tier: 3 }, plan('acmetr'), 'acmetr')).toBe('domain');
  });
});
