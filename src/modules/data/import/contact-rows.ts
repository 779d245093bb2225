import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import {
  contactSearchColumns, displayName, LIFECYCLE_STAGES, NAME_MAX, normalizeEmail, normalizePhone, TEXT_MAX, VALUE_TIERS,
  type FieldDefinition,
} from '../../customers/index.ts';
import { attributeCells, mappedDefinitions } from './attribute-cells.ts';
import type { ImportContext, RowError } from './import-context.ts';
import { headerFor, rowReader } from './row-reader.ts';
import { fail, ok, parseBoolean, parseDate, parseGender, splitFullName } from './values/index.ts';

/** The staging table of a contacts import: values as they will be stored, null meaning "not in the file". */
export const CONTACT_STAGE_COLUMNS: readonly Column[] = [
  { name: 'row_number', type: 'int' },
  { name: 'match_value', type: 'text' },
  { name: 'external_id', type: 'text' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birthday', type: 'date' },
  { name: 'street', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'postcode', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'lifecycle_stage', type: 'text' },
  { name: 'value_tier', type: 'text' },
  { name: 'owner_id', type: 'bigint' },
  { name: 'company_name', type: 'text' },
  { name: 'consent_email', type: 'boolean' },
  { name: 'consent_sms', type: 'boolean' },
  { name: 'tags', type: 'text[]' },
  { name: 'attributes', type: 'jsonb' },
  { name: 'search_tokens', type: 'tsvector' },
  { name: 'search_text', type: 'text' },
  { name: 'phone_rev', type: 'text' },
];

export const CONTACT_STAGE_DDL = `row_number int primary key, match_value text, external_id text, first_name text, last_name text,
  display_name text, email citext, phone text, gender text, birthday date, street text, city text, region text, postcode text,
  country text, source text, lifecycle_stage text, value_tier text, owner_id bigint, company_name text, consent_email boolean,
  consent_sms boolean, tags text[], attributes jsonb, search_tokens tsvector, search_text text, phone_rev text,
  target_id bigint, company_id bigint`;

const SHORT_TEXT = ['street', 'city', 'region', 'postcode', 'country', 'source'] as const;

/** Tiers and stages as Chinese CRM exports write them. */
const SYNONYMS: Record<string, string> = {
  贵宾: 'vip', 金卡: 'gold', 黄金: 'gold', 金牌: 'gold', 银卡: 'silver', 白银: 'silver', 银牌: 'silver', 普通: 'regular', 普卡: 'regular',
  订阅者: 'subscriber', 线索: 'lead', 潜在客户: 'lead', 营销合格线索: 'mql', 销售合格线索: 'sql', 商机: 'opportunity', 客户: 'customer',
  成交客户: 'customer', 推荐者: 'evangelist', 其他: 'other',
};

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  const lower = text.toLowerCase();
  const word = SYNONYMS[lower] ?? lower;
  return values.find((v) => v === word) ?? null;
}

/** Per run: which custom fields the file maps. */
export type ContactConverter = (row: number, cells: readonly string[]) => { values: Value[] } | { errors: RowError[] };

export function contactConverter(ctx: ImportContext): ContactConverter {
  const defs: FieldDefinition[] = mappedDefinitions(ctx);
  return (row, cells) => {
    const errors: RowError[] = [];
    const read = rowReader(ctx, cells, errors);
    let first = read.text('first_name');
    let last = read.text('last_name');
    const full = read.raw('name');
    if (full !== null && first === null && last === null) {
      const split = splitFullName(full.normalize('NFC'));
      first = split.first_name;
      last = split.last_name;
    }
    const name = first !== null || last !== null ? displayName(first, last) : null;
    const email = read.attempt('email', (raw) => normalizeEmail(raw, headerFor(ctx, 'email')));
    const phone = read.attempt('phone', (raw) => normalizePhone(raw, ctx.region, headerFor(ctx, 'phone')));
    const gender = read.parsed('gender', parseGender);
    const birthday = read.parsed('birthday', (raw) => parseDate(raw));
    const consentEmail = read.parsed('consent_email', parseBoolean);
    const consentSms = read.parsed('consent_sms', parseBoolean);
    const enumCell = (target: 'lifecycle_stage' | 'value_tier', values: readonly string[]): string | null =>
      read.parsed(target, (raw) => {
        const value = oneOf(values, raw);
        return value === null ? fail<string>('FIELD_VALUE_INVALID', `"${raw}" is not one of ${values.join(', ')}`) : ok(value);
      });
    const lifecycle = enumCell('lifecycle_stage', LIFECYCLE_STAGES);
    const tier = enumCell('value_tier', VALUE_TIERS);
    const ownerId = read.owner();
    const tags = read.tags();
    const externalId = read.text('external_id');
    const company = read.text('company');
    const shortText = SHORT_TEXT.map((f) => read.text(f, f === 'street' ? TEXT_MAX : NAME_MAX));
    const attributes = attributeCells(ctx, defs, cells, errors);
    if (errors.length > 0) return { errors };
    const matchValue = ctx.matchKey === 'email' ? email : ctx.matchKey === 'phone' ? phone : ctx.matchKey === 'external_id' ? externalId : null;
    const doc = name !== null ? contactSearchColumns({ displayName: name, firstName: first, lastName: last, emails: [email], phones: [phone] }) : null;
    return {
      values: [
        row, matchValue, externalId, first, last, name, email, phone, gender, birthday,
        ...shortText, lifecycle, tier, ownerId, company, consentEmail, consentSms, tags, attributes,
        doc?.search_tokens ?? null, doc?.search_text ?? null, doc?.phone_rev ?? null,
      ],
    };
  };
}
