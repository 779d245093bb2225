import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import { isCurrency } from '../../customers/index.ts';
import { headerFor, rowReader } from './row-reader.ts';
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
  const column = headerFor(ctx, target);
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
    errors.push({ column: headerFor(ctx, currencyTarget), code: 'VALIDATION_FAILED', message: `"${rawCurrency}" is not an ISO 4217 currency code` });
  }
  return { currency, minor: amountIn(ctx, cells, amountTarget, currency ?? ctx.currency, errors) };
}

export function productConverter(ctx: ImportContext) {
  return (row: number, cells: readonly string[]): { values: Value[] } | { errors: RowError[] } => {
    const errors: RowError[] = [];
    const read = rowReader(ctx, cells, errors);
    const externalId = read.text('external_id');
    const sku = read.text('sku');
    const name = read.text('name');
    const { currency, minor } = currencyAndAmount(ctx, cells, 'currency', 'price', errors);
    const active = read.parsed('active', parseBoolean);
    if (errors.length > 0) return { errors };
    const matchValue = ctx.matchKey === 'external_id' ? externalId : ctx.matchKey === 'sku' ? sku : null;
    return { values: [row, matchValue, externalId, sku, name, minor === null ? null : minor.toString(), currency, active] };
  };
}
