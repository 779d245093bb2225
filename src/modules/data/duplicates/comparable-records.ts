import type { DedupeObject } from './dedupe-settings.ts';
import type { Comparable } from './score-pair.ts';
import { companyNameKey, personName } from './similarity.ts';

/**
 * The comparison fields of a record travel from PostgreSQL as one JSON array per record (one text
 * column instead of fourteen: a scan reads millions of them, and JSON.parse is the fastest way in).
 * `alias` is the table alias; `keys` are the custom fields compared (identifiers and weighted extras),
 * passed as parameters starting at `$firstParam`.
 */
export function recordJsonSql(object: DedupeObject, alias: string, keys: readonly string[], firstParam: number): string {
  const attrs = keys.length === 0 ? `'{}'::jsonb`
    : `jsonb_build_object(${keys.map((_, i) => `$${firstParam + i}::text, ${alias}.attributes -> $${firstParam + i}::text`).join(', ')})`;
  if (object === 'contacts') {
    return `json_build_array(${alias}.id::text, ${alias}.first_name, ${alias}.last_name, ${alias}.display_name, ${alias}.email, ${alias}.emails,
      ${alias}.phone, ${alias}.phones, ${alias}.birthday, ${alias}.street, ${alias}.city, ${alias}.region, ${alias}.postcode, ${alias}.country, ${attrs})::text`;
  }
  return `json_build_array(${alias}.id::text, ${alias}.name, ${alias}.domain, ${alias}.email, ${alias}.phone,
    ${alias}.street, ${alias}.city, ${alias}.region, ${alias}.postcode, ${alias}.country, ${attrs})::text`;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function values(first: unknown, list: unknown, lower: boolean): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    const t = text(v);
    if (t) out.add(lower ? t.toLowerCase() : t);
  };
  add(first);
  // labelled lists: [{ value, label }]
  if (Array.isArray(list)) for (const item of list as unknown[]) add(item && typeof item === 'object' ? (item as { value?: unknown }).value : item);
  return [...out];
}

function attributes(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const t = Array.isArray(v) ? v.map(text).filter(Boolean).join(' ') : text(v);
      if (t) out[k] = t;
    }
  }
  return out;
}

const EMPTY: Omit<Comparable, 'id'> = {
  person: null, companyName: '', emails: [], phones: [], birthday: null, domain: null,
  street: null, city: null, region: null, postcode: null, country: null, attributes: {},
};

/** A record JSON (recordJsonSql) as the scorer wants it: names folded, emails lower-cased, lists merged. */
export function toComparable(object: DedupeObject, json: string): Comparable {
  const r = JSON.parse(json) as unknown[];
  if (object === 'contacts') {
    return {
      ...EMPTY,
      id: String(r[0]),
      person: personName(text(r[1]), text(r[2]), text(r[3])),
      emails: values(r[4], r[5], true),
      phones: values(r[6], r[7], false),
      birthday: text(r[8]),
      street: text(r[9]),
      city: text(r[10]),
      region: text(r[11]),
      postcode: text(r[12]),
      country: text(r[13]),
      attributes: attributes(r[14]),
    };
  }
  return {
    ...EMPTY,
    id: String(r[0]),
    companyName: companyNameKey(text(r[1])),
    domain: text(r[2])?.toLowerCase().replace(/^www\./, '') ?? null,
    emails: values(r[3], null, true),
    phones: values(r[4], null, false),
    street: text(r[5]),
    city: text(r[6]),
    region: text(r[7]),
    postcode: text(r[8]),
    country: text(r[9]),
    attributes: attributes(r[10]),
  };
}
