import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import { companySearchColumns, NAME_MAX, normalizeDomain, normalizeEmail, normalizePhone, TEXT_MAX } from '../../customers/index.ts';
import { attributeCells, mappedDefinitions } from './attribute-cells.ts';
import type { ImportContext, RowError } from './import-context.ts';
import { rowReader } from './row-reader.ts';

const TEXT_COLUMNS = ['external_id', 'name', 'industry', 'website', 'street', 'city', 'region', 'postcode', 'country'] as const;

export const COMPANY_STAGE_COLUMNS: readonly Column[] = [
  { name: 'row_number', type: 'int' },
  { name: 'match_value', type: 'text' },
  ...TEXT_COLUMNS.map((name): Column => ({ name, type: 'text' })),
  { name: 'domain', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'owner_id', type: 'bigint' },
  { name: 'tags', type: 'text[]' },
  { name: 'attributes', type: 'jsonb' },
  { name: 'search_tokens', type: 'tsvector' },
  { name: 'search_text', type: 'text' },
];

export const COMPANY_STAGE_DDL = `row_number int primary key, match_value text, external_id text, name text, industry text, website text,
  street text, city text, region text, postcode text, country text, domain citext, email citext, phone text, owner_id bigint, tags text[],
  attributes jsonb, search_tokens tsvector, search_text text, target_id bigint`;

/** A file row to the staged values of a company, or the row's errors. */
export function companyConverter(ctx: ImportContext) {
  const defs = mappedDefinitions(ctx);
  return (row: number, cells: readonly string[]): { values: Value[] } | { errors: RowError[] } => {
    const errors: RowError[] = [];
    const read = rowReader(ctx, cells, errors);
    const texts = TEXT_COLUMNS.map((f) => read.text(f, f === 'street' || f === 'website' ? TEXT_MAX : NAME_MAX));
    const domain = read.attempt('domain', (raw) => normalizeDomain(raw));
    const email = read.attempt('email', (raw) => normalizeEmail(raw, 'email'));
    const phone = read.attempt('phone', (raw) => normalizePhone(raw, ctx.region, 'phone'));
    const ownerId = read.owner();
    const tags = read.tags();
    const attributes = attributeCells(ctx, defs, cells, errors);
    if (errors.length > 0) return { errors };
    const name = texts[1] ?? null;
    const externalId = texts[0] ?? null;
    const matchValue = ctx.matchKey === 'external_id' ? externalId : ctx.matchKey === 'domain' ? domain : ctx.matchKey === 'name' ? name?.toLowerCase() ?? null : null;
    const doc = name !== null ? companySearchColumns({ name, domain, email, phone }) : null;
    return { values: [row, matchValue, ...texts, domain, email, phone, ownerId, tags, attributes, doc?.search_tokens ?? null, doc?.search_text ?? null] };
  };
}
