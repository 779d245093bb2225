import { AppError } from '../../../platform/http/errors.ts';

export type LineInput = { quantity: number; unit_price_minor: number };
export type PricedLine = { quantityText: string; unitPriceMinor: number; amountMinor: number };

const MAX_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);
/** order_lines.quantity is numeric(14,3) */
const MAX_QUANTITY_MILLI = 99_999_999_999_999n;

/** A JSON quantity as thousandths, refusing what numeric(14,3) would silently round. */
export function quantityInThousandths(quantity: number, field: string): bigint {
  const scaled = quantity * 1000;
  const milli = Math.round(scaled);
  if (!Number.isFinite(quantity) || quantity <= 0 || Math.abs(scaled - milli) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    throw new AppError('VALIDATION_FAILED', 'A quantity must be positive with at most 3 decimals', { field });
  }
  const result = BigInt(milli);
  if (result > MAX_QUANTITY_MILLI) throw new AppError('AMOUNT_OUT_OF_RANGE', 'The quantity is too large', { field });
  return result;
}

/**
 * Line amounts in integer minor units: quantity × unit price, rounded half up (quantities are
 * positive, so "half up" and "half away from zero" agree), all in BigInt so nothing is lost to floats.
 * Every amount and the total must stay exact as a JSON number (≤ 2^53 − 1), else AMOUNT_OUT_OF_RANGE.
 */
export function priceLines(lines: readonly LineInput[]): { lines: PricedLine[]; totalMinor: number } {
  let total = 0n;
  const priced = lines.map((line, i) => {
    const milli = quantityInThousandths(line.quantity, `lines[${i}].quantity`);
    if (!Number.isSafeInteger(line.unit_price_minor) || line.unit_price_minor < 0) {
      throw new AppError('VALIDATION_FAILED', 'A unit price is a non-negative integer of minor units', { field: `lines[${i}].unit_price_minor` });
    }
    const amount = (milli * BigInt(line.unit_price_minor) + 500n) / 1000n;
    if (amount > MAX_AMOUNT) throw new AppError('AMOUNT_OUT_OF_RANGE', 'A line amount is too large', { field: `lines[${i}]` });
    total += amount;
    const quantityText = `${milli / 1000n}.${(milli % 1000n).toString().padStart(3, '0')}`;
    return { quantityText, unitPriceMinor: line.unit_price_minor, amountMinor: Number(amount) };
  });
  if (total > MAX_AMOUNT) throw new AppError('AMOUNT_OUT_OF_RANGE', 'The order total is too large', { field: 'lines' });
  return { lines: priced, totalMinor: Number(total) };
}
