import { describe, expect, it } from 'vitest';
import { isCurrency } from './currency.ts';

describe('isCurrency', () => {
  it('accepts ISO 4217 codes', () => {
    for (const code of ['CNY', 'USD', 'EUR', 'JPY', 'HKD']) expect(isCurrency(code)).toBe(true);
  });
  it('refuses lower case, wrong length and unknown codes', () => {
    for (const code of ['cny', 'US', 'USDT', 'ABC', '', 'RMB']) expect(isCurrency(code)).toBe(false);
  });
});
