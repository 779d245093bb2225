import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import { normalizeEmail, normalizePhone } from '../../customers/index.ts';
import type { ImportContext, RowError } from './import-context.ts';
import { amountIn, currencyAndAmount } from './product-rows.ts';
import { rowReader } from './row-reader.ts';
import { fail, ok, parseDateTime, parseNumber } from './values/index.ts';

/** One staged row per order line; rows with the same order number are one order. */
export const ORDER_STAGE_COLUMNS: readonly Column[] = [
  { name: 'row_number', type: 'int' },
  { name: 'match_value', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'number', type: 'text' },
  { name: 'contact_external_id', type: 'text' },
  { name: 'contact_email', type: 'text' },
  { name: 'contact_phone', type: 'text' },
  { name: 'contact_name', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'ordered_at', type: 'timestamptz' },
  { name: 'currency', type: 'text' },
  { name: 'total_minor', type: 'bigint' },
  { name: 'line_sku', type: 'text' },
  { name: 'line_product_name', type: 'text' },
  { name: 'line_quantity', type: 'text' },
  { name: 'line_unit_price_minor', type: 'bigint' },
];

export const ORDER_STAGE_DDL = `row_number int primary key, match_value text, external_id text, number text, contact_external_id text,
  contact_email citext, contact_phone text, contact_name text, status text, channel text, ordered_at timestamptz, currency text,
  total_minor bigint, line_sku text, line_product_name text, line_quantity numeric(14,3), line_unit_price_minor bigint,
  target_id bigint, contact_id bigint, product_id bigint, order_id bigint, fail_code text, fail_column text, fail_message text`;

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;

/** Statuses as Chinese shops and English exports write them. */
const STATUS_WORDS: Record<string, (typeof ORDER_STATUSES)[number]> = {
  pending: 'pending', unpaid: 'pending', new: 'pending', open: 'pending', 待付款: 'pending', 待支付: 'pending', 未付款: 'pending',
  paid: 'paid', 已付款: 'paid', 已支付: 'paid', 待发货: 'paid',
  shipped: 'shipped', delivered: 'shipped', 已发货: 'shipped', 配送中: 'shipped',
  completed: 'completed', complete: 'completed', done: 'completed', closed: 'completed', 已完成: 'completed', 交易成功: 'completed', 已签收: 'completed',
  cancelled: 'cancelled', canceled: 'cancelled', 已取消: 'cancelled', 交易关闭: 'cancelled',
  refunded: 'refunded', 已退款: 'refunded', 退款成功: 'refunded',
};

export function orderConverter(ctx: ImportContext) {
  return (row: number, cells: readonly string[]): { values: Value[] } | { errors: RowError[] } => {
    const errors: RowError[] = [];
    const read = rowReader(ctx, cells, errors);
    const externalId = read.text('external_id');
    const number = read.text('number') ?? externalId;
    if (number === null) errors.push({ column: null, code: 'FIELD_REQUIRED', message: 'An order line needs an order number' });
    const contactExternalId = read.text('contact_external_id');
    const contactEmail = read.attempt('contact_email', (raw) => normalizeEmail(raw, 'contact_email'));
    const contactPhone = read.attempt('contact_phone', (raw) => normalizePhone(raw, ctx.region, 'contact_phone'));
    const contactName = read.text('contact_name');
    const status = read.parsed('status', (raw) => {
      const word = STATUS_WORDS[raw.toLowerCase()];
      return word ? ok<string>(word) : fail<string>('FIELD_VALUE_INVALID', `"${raw}" is not an order status (${ORDER_STATUSES.join(', ')})`);
    });
    const channel = read.text('channel');
    const orderedAt = read.parsed('ordered_at', (raw) => parseDateTime(raw, ctx.timeZone));
    const total = currencyAndAmount(ctx, cells, 'currency', 'total', errors);
    const unitPrice = amountIn(ctx, cells, 'line_unit_price', total.currency ?? ctx.currency, errors);
    const quantity = read.parsed('line_quantity', (raw) => {
      const parsed = parseNumber(raw);
      if (!parsed.ok) return parsed;
      return parsed.value > 0 ? ok(String(parsed.value)) : fail<string>('FIELD_VALUE_INVALID', 'A quantity must be positive');
    });
    const sku = read.text('line_sku');
    const productName = read.text('line_product_name');
    if (errors.length > 0) return { errors };
    const matchValue = ctx.matchKey === 'external_id' ? externalId : number;
    return {
      values: [row, matchValue, externalId, number, contactExternalId, contactEmail, contactPhone, contactName, status, channel, orderedAt,
        total.currency, total.minor?.toString() ?? null, sku, productName, quantity, unitPrice?.toString() ?? null],
    };
  };
}
