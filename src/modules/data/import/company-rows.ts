import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import { cleanTag, cleanText, companySearchColumns, NAME_MAX, normalizeDomain, normalizeEmail, normalizePhone, TEXT_MAX } from '../../customers/index.ts';
import { attributeCells, mappedDefinitions, rowError } from './attribute-cells.ts';
import { cell, type ImportContext, type RowError } from './import-context.ts';
import { parseTags } from './values/index.ts';

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
    const attempt = <T>(target: string, work: (raw: string) => T): T | null => {
      const raw = cell(ctx, cells, target);
      if (raw === null) return null;
      try {
        return work(raw);
      } catch (error) {
        errors.push(rowError(error, ctx, target));
        return null;
      }
    };
    const texts = TEXT_COLUMNS.map((f) => attempt(f, (raw) => cleanText(raw, f, f === 'street' || f === 'website' ? TEXT_MAX : NAME_MAX)));
    const domain = attempt('domain', (raw) => normalizeDomain(raw));
    const email = attempt('email', (raw) => normalizeEmail(raw, 'email'));
    const phone = attempt('phone', (raw) => normalizePhone(raw, ctx.region, 'phone'));
    const owner = cell(ctx, cells, 'owner');
    const ownerId = owner === null ? null : (ctx.usersByEmail.get(owner.toLowerCase()) ?? null);
    if (owner !== null && ownerId === null) errors.push({ column: ctx.headers[ctx.columns.get('owner') ?? -1] ?? 'owner', code: 'REFERENCE_INVALID', message: `"${owner}" is not an active user of this workspace` });
    const tags = attempt('tags', (raw) => [...new Set(parseTags(raw).map(cleanTag))]);
    const attributes = attributeCells(ctx, defs, cells, errors);
    if (errors.length > 0) return { errors };
    const name = texts[1] ?? null;
    const externalId = texts[0] ?? null;
    const matchValue = ctx.matchKey === 'external_id' ? externalId : ctx.matchKey === 'domain' ? domain : ctx.matchKey === 'name' ? name?.toLowerCase() ?? null : null;
    const doc = name !== null ? companySearchColumns({ name, domain, email, phone }) : null;
    return { values: [row, matchValue, ...texts, domain, email, phone, ownerId, tags, attributes, doc?.search_tokens ?? null, doc?.search_text ?? null] };
  };
}
