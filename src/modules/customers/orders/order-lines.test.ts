import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { priceLines } from './order-lines.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('priceLines', () => {
  it('multiplies and sums in minor units', () => {
    const result = priceLines([{ quantity: 2, unit_price_minor: 1999 }, { quantity: 1, unit_price_minor: 500 }]);
    expect(result.lines.map((l) => l.amountMinor)).toEqual([3998, 500]);
    expect(result.totalMinor).toBe(4498);
    expect(result.lines[0]!.quantityText).toBe('2.000');
  });

  it('rounds half up on fractional quantities', () => {
    expect(priceLines([{ quantity: 0.5, unit_price_minor: 3 }]).totalMinor).toBe(2); // 1.5 → 2
    expect(priceLines([{ quantity: 0.5, unit_price_minor: 5 }]).totalMinor).toBe(3); // 2.5 → 3
    expect(priceLines([{ quantity: 1.333, unit_price_minor: 100 }]).totalMinor).toBe(133); // 133.3 → 133
    expect(priceLines([{ quantity: 0.001, unit_price_minor: 500 }]).totalMinor).toBe(1); // 0.5 → 1
    expect(priceLines([{ quantity: 0.1, unit_price_minor: 10 }]).lines[0]!.quantityText).toBe('0.100');
  });

  it('refuses quantities that are not positive or have more than 3 decimals', () => {
    expect(codeOf(() => priceLines([{ quantity: -1, unit_price_minor: 100 }]))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => priceLines([{ quantity: 0, unit_price_minor: 100 }]))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => priceLines([{ quantity: 1.0005, unit_price_minor: 100 }]))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => priceLines([{ quantity: Number.NaN, unit_price_minor: 100 }]))).toBe('VALIDATION_FAILED');
  });

  it('refuses amounts that would overflow instead of losing precision', () => {
    expect(codeOf(() => priceLines([{ quantity: 1000, unit_price_minor: Number.MAX_SAFE_INTEGER }]))).toBe('AMOUNT_OUT_OF_RANGE');
    const half = Math.floor(Number.MAX_SAFE_INTEGER / 2) + 1;
    expect(codeOf(() => priceLines([{ quantity: 1, unit_price_minor: half }, { quantity: 1, unit_price_minor: half }]))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => priceLines([{ quantity: 1e12, unit_price_minor: 1 }]))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => priceLines([{ quantity: 1, unit_price_minor: -5 }]))).toBe('VALIDATION_FAILED');
    expect(priceLines([{ quantity: 1, unit_price_minor: Number.MAX_SAFE_INTEGER }]).totalMinor).toBe(Number.MAX_SAFE_INTEGER);
  });
});
