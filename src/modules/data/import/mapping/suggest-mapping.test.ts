import { describe, expect, it } from 'vitest';
import { foldHeader, suggestMapping, type CustomFieldRef } from './suggest-mapping.ts';
import { IMPORT_OBJECTS, IMPORT_TARGETS } from './targets.ts';

function targets(object: Parameters<typeof suggestMapping>[0], headers: string[], custom: CustomFieldRef[] = []): (string | null)[] {
  return suggestMapping(object, headers, custom).map((s) => s.target);
}

describe('import targets', () => {
  it('give every alias, label and key of an object exactly one target', () => {
    for (const object of IMPORT_OBJECTS) {
      const seen = new Map<string, string>();
      for (const target of IMPORT_TARGETS[object]) {
        for (const name of [target.key, target.label, target.label_zh, ...target.aliases]) {
          const folded = foldHeader(name);
          expect(folded, `${object}: "${name}"`).not.toBe('');
          const owner = seen.get(folded);
          expect(owner === undefined || owner === target.key, `${object}: "${name}" is both ${owner} and ${target.key}`).toBe(true);
          seen.set(folded, target.key);
        }
      }
    }
  });

  it('cover the fields of the brief', () => {
    const keys = (object: keyof typeof IMPORT_TARGETS) => IMPORT_TARGETS[object].map((t) => t.key);
    expect(keys('contacts')).toEqual([
      'external_id', 'name', 'first_name', 'last_name', 'email', 'phone', 'company', 'street', 'city', 'postcode', 'region', 'country',
      'birthday', 'gender', 'tags', 'source', 'lifecycle_stage', 'value_tier', 'owner', 'consent_email', 'consent_sms',
    ]);
    expect(keys('products')).toEqual(['external_id', 'sku', 'name', 'price', 'currency', 'active']);
    expect(keys('orders')).toContain('line_unit_price');
    expect(keys('companies')).toContain('domain');
  });
});

describe('suggestMapping', () => {
  it('matches keys and aliases ignoring case, width, spaces and punctuation', () => {
    const result = suggestMapping('contacts', ['First Name', 'E-Mail Address', '手机号码', 'Date of Birth', 'ZIP', 'Whatever'], []);
    expect(result).toEqual([
      { header: 'First Name', target: 'first_name', match: 'key' },
      { header: 'E-Mail Address', target: 'email', match: 'alias' },
      { header: '手机号码', target: 'phone', match: 'alias' },
      { header: 'Date of Birth', target: 'birthday', match: 'alias' },
      { header: 'ZIP', target: 'postcode', match: 'alias' },
      { header: 'Whatever', target: null, match: null },
    ]);
  });

  it('maps a typical Chinese contact sheet', () => {
    expect(targets('contacts', ['姓名', '性别', '手机', '邮箱', '公司名称', '省份', '城市', '详细地址', '邮编', '生日', '标签', '来源', '负责人', '客户编号'])).toEqual([
      'name', 'gender', 'phone', 'email', 'company', 'region', 'city', 'street', 'postcode', 'birthday', 'tags', 'source', 'owner', 'external_id',
    ]);
    expect(targets('contacts', ['姓', '名', '电子邮件', '联系电话', '单位', '国家'])).toEqual(['last_name', 'first_name', 'email', 'phone', 'company', 'country']);
  });

  it('maps the FEBRL headers, leaving what has no target unmapped', () => {
    const headers = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'];
    expect(targets('contacts', headers)).toEqual(['external_id', 'first_name', 'last_name', null, 'street', null, 'city', 'postcode', 'region', 'birthday', null]);
  });

  it('gives a target to the first header only', () => {
    expect(targets('contacts', ['手机', '电话', 'Mobile'])).toEqual(['phone', null, null]);
    expect(targets('contacts', ['Email Opt-in', 'Email'])).toEqual(['consent_email', 'email']);
  });

  it('lets a sure match on a later header beat a guess on an earlier one', () => {
    expect(suggestMapping('contacts', ['备用手机号码', '手机'], [])).toEqual([
      { header: '备用手机号码', target: null, match: null },
      { header: '手机', target: 'phone', match: 'alias' },
    ]);
  });

  it('maps the same words to the right target per object', () => {
    expect(targets('orders', ['订单号', '下单时间', '商品编码', '商品名称', '数量', '单价', '金额', '状态', '币种', '手机'])).toEqual([
      'number', 'ordered_at', 'line_sku', 'line_product_name', 'line_quantity', 'line_unit_price', 'total', 'status', 'currency', 'contact_phone',
    ]);
    expect(targets('products', ['商品编码', '商品名称', '单价', '币种'])).toEqual(['sku', 'name', 'price', 'currency']);
    // the key itself is the surest match, even on a later header
    expect(targets('products', ['商品编码', 'SKU'])).toEqual([null, 'sku']);
    expect(targets('products', ['SKU', 'Product', 'Price'])).toEqual(['sku', 'name', 'price']);
    expect(targets('companies', ['Name', 'Company Name'])).toEqual(['name', null]);
    expect(targets('companies', ['公司名称', '行业', '官网'])).toEqual(['name', 'industry', 'website']);
  });

  it('matches custom fields by key, label or Chinese label', () => {
    const custom: CustomFieldRef[] = [
      { key: 'member_no', label: 'Member number', label_zh: '会员编号', type: 'text' },
      { key: 'shoe_size', label: 'Shoe size', label_zh: null, type: 'number' },
    ];
    const result = suggestMapping('contacts', ['会员编号', 'Shoe Size', 'member-no'], custom);
    expect(result).toEqual([
      { header: '会员编号', target: 'attributes.member_no', match: 'custom_field' },
      { header: 'Shoe Size', target: 'attributes.shoe_size', match: 'custom_field' },
      { header: 'member-no', target: null, match: null },
    ]);
  });

  it('prefers a custom field named exactly like the header over an alias', () => {
    const custom: CustomFieldRef[] = [{ key: 'channel', label: 'Channel', label_zh: '渠道', type: 'select' }];
    expect(suggestMapping('contacts', ['渠道', '来源'], custom).map((s) => [s.target, s.match])).toEqual([
      ['attributes.channel', 'custom_field'],
      ['source', 'alias'],
    ]);
  });

  it('guesses from contained words, head noun last, and from typos', () => {
    expect(suggestMapping('contacts', ['客户手机号码', '联系人电话x', 'Customer E-mail', 'Emial Adress'], []).map((s) => [s.target, s.match])).toEqual([
      ['phone', 'fuzzy'],
      [null, null],
      ['email', 'fuzzy'],
      [null, null],
    ]);
    expect(targets('contacts', ['Emial Address'])).toEqual(['email']);
    expect(targets('contacts', ['Lastname1'])).toEqual(['last_name']);
    expect(targets('contacts', ['Birthdy'])).toEqual(['birthday']);
  });

  it('does not guess from short Latin words or ambiguous headers', () => {
    expect(targets('contacts', ['soc_sec_id', 'Tel2', 'Notes'])).toEqual([null, null, null]);
  });

  it('never suggests a field the caller may not write, nor a looser guess for its header', () => {
    const writable = (target: string) => !['tags', 'owner', 'attributes.level'].includes(target);
    const custom: CustomFieldRef[] = [{ key: 'level', label: 'Level', label_zh: '等级', type: 'text' }];
    expect(suggestMapping('contacts', ['姓名', '标签', '负责人', 'Level', '客户标签'], custom, writable)).toEqual([
      { header: '姓名', target: 'name', match: 'alias' },
      { header: '标签', target: null, match: null, unavailable: 'tags' },
      { header: '负责人', target: null, match: null, unavailable: 'owner' },
      { header: 'Level', target: null, match: null, unavailable: 'attributes.level' },
      { header: '客户标签', target: null, match: null, unavailable: 'tags' },
    ]);
  });

  it('never maps a blank header', () => {
    expect(suggestMapping('contacts', ['', '  '], [])).toEqual([
      { header: '', target: null, match: null },
      { header: '  ', target: null, match: null },
    ]);
  });
});
