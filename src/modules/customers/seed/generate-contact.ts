import { companySearchColumns, contactSearchColumns, pinyinKeys } from '../search/search-document.ts';
import type { Column, Value } from '../../../platform/db/copy-rows.ts';
import type { Rng } from './prng.ts';
import {
  CN_CITIES, CN_GIVEN_CHARS, CN_SURNAMES, COMPANY_CORES, COMPANY_KINDS, COMPANY_PREFIXES, COMPANY_WEST, COMPANY_WEST_KINDS,
  EMAIL_DOMAINS_CN, EMAIL_DOMAINS_WEST, INDUSTRIES, LIFECYCLE_STAGES, SOURCES, TAGS, VALUE_TIERS, WESTERN_CITIES, WESTERN_FIRST, WESTERN_LAST,
} from './pools.ts';

export const CONTACT_COLUMNS: readonly Column[] = [
  { name: 'workspace_id', type: 'bigint' }, { name: 'first_name', type: 'text' }, { name: 'last_name', type: 'text' },
  { name: 'display_name', type: 'text' }, { name: 'email', type: 'text' }, { name: 'emails', type: 'jsonb' },
  { name: 'phone', type: 'text' }, { name: 'phones', type: 'jsonb' }, { name: 'phone_rev', type: 'text' },
  { name: 'gender', type: 'text' }, { name: 'birthday', type: 'date' }, { name: 'city', type: 'text' }, { name: 'region', type: 'text' },
  { name: 'country', type: 'text' }, { name: 'source', type: 'text' }, { name: 'lifecycle_stage', type: 'text' },
  { name: 'value_tier', type: 'text' }, { name: 'owner_id', type: 'bigint' }, { name: 'company_id', type: 'bigint' },
  { name: 'consent_email', type: 'boolean' }, { name: 'consent_sms', type: 'boolean' }, { name: 'tags', type: 'text[]' },
  { name: 'attributes', type: 'jsonb' }, { name: 'search_tokens', type: 'tsvector' }, { name: 'search_text', type: 'text' },
  { name: 'created_by', type: 'bigint' }, { name: 'created_at', type: 'timestamptz' }, { name: 'updated_at', type: 'timestamptz' },
];

export const COMPANY_COLUMNS: readonly Column[] = [
  { name: 'workspace_id', type: 'bigint' }, { name: 'name', type: 'text' }, { name: 'domain', type: 'text' },
  { name: 'industry', type: 'text' }, { name: 'phone', type: 'text' }, { name: 'city', type: 'text' }, { name: 'region', type: 'text' },
  { name: 'country', type: 'text' }, { name: 'owner_id', type: 'bigint' }, { name: 'tags', type: 'text[]' },
  { name: 'attributes', type: 'jsonb' }, { name: 'search_tokens', type: 'tsvector' }, { name: 'search_text', type: 'text' },
  { name: 'created_at', type: 'timestamptz' }, { name: 'updated_at', type: 'timestamptz' },
];

export type GenContext = {
  workspaceId: string;
  ownerIds: readonly string[];
  companyIds: readonly string[];
  /** epoch ms the synthetic history ends at; it starts three years earlier */
  now: number;
};

const THREE_YEARS = 3 * 365 * 86_400_000;
const DIGITS = '0123456789';

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += DIGITS[Math.floor(rng.next() * 10)];
  return s;
}

/** +86 1[3-9]x xxxx xxxx, the shape of a mainland mobile number, in E.164. */
export function chineseMobile(rng: Rng): string {
  return `+861${rng.pick(['3', '4', '5', '6', '7', '8', '9'])}${digits(rng, 9)}`;
}

export function usNumber(rng: Rng): string {
  return `+1${rng.int(2, 9)}${digits(rng, 2)}${rng.int(2, 9)}${digits(rng, 6)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function asciiHandle(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** One synthetic contact as a COPY row (CONTACT_COLUMNS order), its search columns computed like any writer's. */
export function generateContact(rng: Rng, ctx: GenContext, serial: number): Value[] {
  const chinese = rng.chance(0.75);
  let first: string;
  let last: string;
  let display: string;
  let handle: string;
  if (chinese) {
    last = rng.weighted(CN_SURNAMES);
    first = rng.pick(CN_GIVEN_CHARS) + (rng.chance(0.65) ? rng.pick(CN_GIVEN_CHARS) : '');
    display = last + first;
    handle = pinyinKeys(display)[0] ?? 'user';
  } else {
    first = rng.pick(WESTERN_FIRST);
    last = rng.pick(WESTERN_LAST);
    display = `${first} ${last}`;
    handle = `${asciiHandle(first)}.${asciiHandle(last)}`;
  }
  const emails: string[] = [];
  if (rng.chance(0.85)) emails.push(`${handle}${rng.chance(0.7) ? rng.int(1, 9999) : ''}@${rng.pick(chinese ? EMAIL_DOMAINS_CN : EMAIL_DOMAINS_WEST)}`);
  if (rng.chance(0.05)) emails.push(`${handle}.work${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS_WEST)}`);
  const phones: string[] = [];
  if (rng.chance(0.9)) phones.push(chinese || rng.chance(0.3) ? chineseMobile(rng) : usNumber(rng));
  if (rng.chance(0.06)) phones.push(chineseMobile(rng));
  const [city, region, country] = rng.weighted(chinese || rng.chance(0.3) ? CN_CITIES : WESTERN_CITIES);
  const tags: string[] = [];
  const tagCount = rng.weighted([[0, 30], [1, 40], [2, 22], [3, 8]] as const);
  for (let i = 0; i < tagCount; i++) {
    const tag = rng.weighted(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  const attributes: Record<string, string> = {};
  if (rng.chance(0.6)) attributes.member_no = `M${String(10_000_000 + serial)}`;
  if (rng.chance(0.4)) attributes.industry = rng.pick(INDUSTRIES)[0];
  const created = ctx.now - THREE_YEARS + Math.floor(rng.next() * (THREE_YEARS - 86_400_000));
  const updated = created + Math.floor(rng.next() * (ctx.now - created));
  const owner = ctx.ownerIds.length > 0 && rng.chance(0.97) ? rng.pick(ctx.ownerIds) : null;
  const company = ctx.companyIds.length > 0 && rng.chance(0.3) ? rng.pick(ctx.companyIds) : null;
  const birthday = rng.chance(0.7) ? `${rng.int(1955, 2005)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : null;
  const search = contactSearchColumns({ displayName: display, firstName: first, lastName: last, emails, phones });
  return [
    ctx.workspaceId, first, last, display, emails[0] ?? null, emails.map((value, i) => ({ value, label: i === 0 ? 'personal' : 'work' })),
    phones[0] ?? null, phones.map((value, i) => ({ value, label: i === 0 ? 'mobile' : 'other' })), search.phone_rev,
    rng.weighted([['female', 46], ['male', 46], ['unknown', 7], ['other', 1]] as const), birthday, city, region, country,
    rng.weighted(SOURCES), rng.weighted(LIFECYCLE_STAGES), rng.weighted(VALUE_TIERS), owner, company,
    rng.chance(0.6), rng.chance(0.4), tags, attributes, search.search_tokens, search.search_text,
    owner, iso(created), iso(updated),
  ];
}

/** One synthetic company as a COPY row (COMPANY_COLUMNS order). */
export function generateCompany(rng: Rng, ctx: Omit<GenContext, 'companyIds'>, serial: number): Value[] {
  const chinese = rng.chance(0.8);
  const [city, region, country] = rng.weighted(chinese ? CN_CITIES : WESTERN_CITIES);
  let name: string;
  let domain: string;
  if (chinese) {
    const brand = rng.pick(COMPANY_PREFIXES) + rng.pick(COMPANY_CORES);
    name = `${city}${brand}${rng.pick(COMPANY_KINDS)}有限公司`;
    domain = `${pinyinKeys(brand)[0] ?? 'co'}${serial}.com.cn`;
  } else {
    const brand = `${rng.pick(COMPANY_WEST)} ${rng.pick(COMPANY_WEST_KINDS)}`;
    name = rng.chance(0.5) ? `${brand} Ltd.` : `${brand} Inc.`;
    domain = `${asciiHandle(brand)}${serial}.com`;
  }
  const industry = rng.pick(INDUSTRIES)[0];
  const created = ctx.now - THREE_YEARS + Math.floor(rng.next() * THREE_YEARS * 0.9);
  const phone = chinese ? `+8621${digits(rng, 8)}` : null;
  const search = companySearchColumns({ name, domain, phone });
  return [
    ctx.workspaceId, name, domain, industry, phone, city, region, country,
    ctx.ownerIds.length > 0 ? rng.pick(ctx.ownerIds) : null, rng.chance(0.2) ? ['B2B'] : [], { industry },
    search.search_tokens, search.search_text, iso(created), iso(created + Math.floor(rng.next() * (ctx.now - created))),
  ];
}
