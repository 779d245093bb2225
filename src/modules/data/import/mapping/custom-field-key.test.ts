import { describe, expect, it } from 'vitest';
import { customFieldKeyFor } from './custom-field-key.ts';

const KEY = /^[a-z][a-z0-9_]{0,62}$/;

describe('customFieldKeyFor', () => {
  it('snake-cases English headers', () => {
    expect(customFieldKeyFor('Member No.')).toBe('member_no');
    expect(customFieldKeyFor('  Loyalty  Points (2024) ')).toBe('loyalty_points_2024');
    expect(customFieldKeyFor('memberNo')).toBe('member_no');
    expect(customFieldKeyFor('Café Visits')).toBe('cafe_visits');
    expect(customFieldKeyFor('ＶＩＰ Level')).toBe('vip_level');
  });

  it('spells Chinese headers in pinyin, polyphones read in context', () => {
    expect(customFieldKeyFor('会员编号')).toBe('hui_yuan_bian_hao');
    expect(customFieldKeyFor('VIP等级')).toBe('vip_deng_ji');
    expect(customFieldKeyFor('重庆门店')).toBe('chong_qing_men_dian');
    expect(customFieldKeyFor('女装尺码')).toBe('nv_zhuang_chi_ma');
  });

  it('always gives a valid key', () => {
    for (const header of ['2024 spend', '', '!!!', '😀', '_x_', 'a'.repeat(100), '会员'.repeat(40), '123']) {
      const key = customFieldKeyFor(header);
      expect(key, header).toMatch(KEY);
    }
    expect(customFieldKeyFor('2024 spend')).toBe('f_2024_spend');
    expect(customFieldKeyFor('!!!')).toBe('field');
  });
});
