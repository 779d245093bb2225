import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import { cleanText, isCurrency, NAME_MAX } from '../../customers/index.ts';
import { rowError } from './attribute-cells.ts';
import { cell, fractionDigits, type ImportContext, type RowError } from './import-context.ts';
import { parseBoolean, parseMoney } from './values/index.ts';

export const PRODUCT_STAGE_COLUMNS: readonly Column[] = [
  { name: 'row_number', type: 'int' },
  { name: 'match_value', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'sku', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'price_minor', type: 'bigint' },
  { name: 'currency', type: 'text' },
  { name: 'active', type: 'boolean' },
];

export const PRODUCT_STAGE_DDL = `row_number int primary key, match_value text, external_id text, sku text, name text, price_minor bigint,
  currency text, active boolean, target_id bigint`;

/** An amount cell in a currency, exactly, in minor units (null when blank or invalid; errors say why). */
export function amountIn(ctx: ImportContext, cells: readonly string[], target: string, currency: string, errors: RowError[]): bigint | null {
  const raw = cell(ctx, cells, target);
  if (raw === null) return null;
  const column = ctx.headers[ctx.columns.get(target) ?? -1] ?? target;
  const parsed = parseMoney(raw, fractionDigits(isCurrency(currency) ? currency : ctx.currency));
  if (!parsed.ok) {
    errors.push({ column, code: parsed.code, message: parsed.message });
    return null;
  }
  if (parsed.value < 0n) {
    errors.push({ column, code: 'AMOUNT_OUT_OF_RANGE', message: 'The amount cannot be negative' });
    return null;
  }
  return parsed.value;
}

/** Reads a currency cell (or the workspace's currency) and an amount in it. */
export function currencyAndAmount(ctx: ImportContext, cells: readonly string[], currencyTarget: string, amountTarget: string, errors: RowError[]): { currency: string | null; minor: bigint | null } {
  const rawCurrency = cell(ctx, cells, currencyTarget);
  const currency = rawCurrency === null ? null : rawCurrency.toUpperCase();
  if (currency !== null && !isCurrency(currency)) {
    errors.push({ column: ctx.headers[ctx.columns.get(currencyTarget) ?? -1] ?? currencyTarget, code: 'VALIDATION_FAILED', message: `"${rawCurrency}" is not an ISO 4217 currency code` });
  }
  return { currency, minor: amountIn(ctx, cells, amountTarget, currency ?? ctx.currency, errors) };
}

export function productConverter(ctx: ImportContext) {
  return (row: number, cells: readonly string[]): { values: Value[] } | { errors: RowError[] } => {
    const errors: RowError[] = [];
    const text = (target: string): string | null => {
      const raw = cell(ctx, cells, target);
      if (raw === null) return null;
      try {
        return cleanText(raw, target, NAME_MAX);
      } catch (error) {
        errors.push(rowError(error, ctx, target));
        return null;
      }
    };
    const externalId = text('external_id');
    const sku = text('sku');
    const name = text('name');
    const { currency, minor } = currencyAndAmount(ctx, cells, 'currency', 'price', errors);
    let active: boolean | null = null;
    const rawActive = cell(ctx, cells, 'active');
    if (rawActive !== null) {
      const parsed = parseBoolean(rawActive);
      if (parsed.ok) active = parsed.value;
      else errors.push({ column: ctx.headers[ctx.columns.get('active') ?? -1] ?? 'active', code: parsed.code, message: parsed.message });
    }
    if (errors.length > 0) return { errors };
    const matchValue = ctx.matchKey === 'external_id' ? externalId : ctx.matchKey === 'sku' ? sku : null;
    return { values: [row, matchValue, externalId, sku, name, minor === null ? null : minor.toString(), currency, active] };
  };
}
