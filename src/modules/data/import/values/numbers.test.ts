import { describe, expect, it } from 'vitest';
import { parseMoney, parseNumber } from './numbers.ts';

function num(raw: string): number | string {
  const result = parseNumber(raw);
  return result.ok ? result.value : result.code;
}

function money(raw: string, digits = 2): bigint | string {
  const result = parseMoney(raw, digits);
  return result.ok ? result.value : result.code;
}

describe('parseNumber', () => {
  it('reads plain, signed and decimal numbers', () => {
    expect(num('42')).toBe(42);
    expect(num('-3')).toBe(-3);
    expect(num('+3')).toBe(3);
    expect(num('0.5')).toBe(0.5);
    expect(num('.5')).toBe(0.5);
    expect(num(' 12 ')).toBe(12);
    expect(num('−7')).toBe(-7);
    expect(num('-0')).toBe(0);
  });

  it('reads thousands separators', () => {
    expect(num('1,234.56')).toBe(1234.56);
    expect(num('1,234,567')).toBe(1234567);
    expect(num('1 234')).toBe(1234);
    expect(num('1\u00a0234,5')).toBe(1234.5);
    expect(num("1'234.5")).toBe(1234.5);
    expect(num('1.234.567,89')).toBe(1234567.89);
    expect(num('1,234')).toBe(1234);
  });

  it('reads a lone comma as a decimal comma unless it groups thousands', () => {
    expect(num('12,5')).toBe(12.5);
    expect(num('0,75')).toBe(0.75);
  });

  it('reads currency signs and codes on either side', () => {
    expect(num('¥1,234.00')).toBe(1234);
    expect(num('￥1,234.00')).toBe(1234);
    expect(num('$12')).toBe(12);
    expect(num('-$12')).toBe(-12);
    expect(num('$-12')).toBe(-12);
    expect(num('US$ 12.5')).toBe(12.5);
    expect(num('RMB 100')).toBe(100);
    expect(num('100 CNY')).toBe(100);
    expect(num('100元')).toBe(100);
    expect(num('€3,50')).toBe(3.5);
  });

  it('reads full-width digits, accounting negatives and scientific notation', () => {
    expect(num('１２３')).toBe(123);
    expect(num('(12)')).toBe(-12);
    expect(num('(¥1,200.50)')).toBe(-1200.5);
    expect(num('12-')).toBe(-12);
    expect(num('1.5E+3')).toBe(1500);
    expect(num('1.38E+10')).toBe(13800000000);
  });

  it('refuses anything else in the cell', () => {
    for (const raw of ['12abc', 'abc', '', '  ', '-', '$', '1,2,3', '1.2.3', '12,34,567', '--3', '+-3', '1 2', '(12', '12)', 'NaN', 'Infinity', '0x10']) {
      expect(num(raw), raw).toBe('NUMBER_INVALID');
    }
  });
});

describe('parseMoney', () => {
  it('reads minor units exactly, without float rounding', () => {
    expect(money('19.99')).toBe(1999n);
    expect(money('0.29')).toBe(29n);
    expect(money('1.005', 3)).toBe(1005n);
    expect(money('¥1,234.5')).toBe(123450n);
    expect(money('1234')).toBe(123400n);
    expect(money('-3.50')).toBe(-350n);
    expect(money('(3.50)')).toBe(-350n);
    expect(money('100', 0)).toBe(100n);
    expect(money('1.5E+3')).toBe(150000n);
    expect(money('0')).toBe(0n);
  });

  it('accepts trailing zeros beyond the currency decimals', () => {
    expect(money('19.990')).toBe(1999n);
    expect(money('100.00', 0)).toBe(100n);
  });

  it('refuses too many decimals and non-numbers', () => {
    expect(money('19.999')).toBe('MONEY_INVALID');
    expect(money('100.5', 0)).toBe('MONEY_INVALID');
    expect(money('abc')).toBe('MONEY_INVALID');
    expect(money('12abc')).toBe('MONEY_INVALID');
  });

  it('refuses amounts beyond what JSON carries exactly', () => {
    expect(money('90071992547409.91')).toBe(9007199254740991n);
    expect(money('90071992547409.92')).toBe('AMOUNT_OUT_OF_RANGE');
    expect(money('1e30')).toBe('AMOUNT_OUT_OF_RANGE');
  });
});
