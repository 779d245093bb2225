import type pg from 'pg';
import { copyRows } from '../../../platform/db/copy-rows.ts';
import type { DedupeObject } from './dedupe-settings.ts';
import { companyNameKey, hasCjk, namePinyin } from './similarity.ts';

/**
 * Blocking (docs/adr/0011-duplicate-scoring.md): every record gets a handful of keys, and only records
 * sharing a key are ever compared. Keys are made set-based in SQL into the session's temporary table
 * `dd_keys (k, s, id)`, inside the scan's transaction (temporary tables drop on commit).
 * A key is stored as the 64-bit hash of its text (kind letter + value): sorting and grouping millions
 * of bigints is several times cheaper than of text, and a rare collision only adds a candidate pair
 * that the scorer then rejects. The hash's lowest bit says whether the key is broad (see
 * candidate-pairs.ts); `s` orders a block for the window.
 *
 * Contacts: e email · p phone · i identifier custom field · b birthday+postcode · c name key+birthday ·
 * d name key+postcode · a street+city (ordered by name) · and two broad keys, used only in small blocks:
 * n name alone · l email local part.
 * The name key is the Double Metaphone code (Philips 2000) of the family name and of the given name
 * (each, so that swapped names still meet), or for a Chinese name its toneless pinyin, which joins
 * traditional/simplified variants and homophone typos (張偉, 张伟, 张玮 → zhangwei).
 * Companies: e email · p phone · w domain · i identifier · a street+city · n name without legal form ·
 * d its phonetic code or pinyin (broad).
 */

const NON_ASCII = 'octet_length(%s) > char_length(%s)';
const LEGAL_FORMS_SQL = String.raw`\m(co|company|corp|corporation|inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sarl|bv|plc|pty|group)\M`;
const CJK_LEGAL_FORMS_SQL = '(股份有限公司|有限责任公司|有限公司|集团|公司)$';
const FOLD = (expr: string) => `nullif(regexp_replace(lower(unaccent(${expr})), '[^[:alnum:]]', '', 'g'), '')`;

/**
 * `dd_names (name, py)`: the pinyin of each distinct Chinese name of the workspace, computed once per
 * name in TypeScript (pinyin-pro has no SQL twin). Only names with non-ASCII text are read.
 */
async function loadNamePinyin(client: pg.PoolClient, object: DedupeObject, workspaceId: string): Promise<number> {
  await client.query('create temp table dd_names (name text primary key, py text not null) on commit drop');
  const table = object === 'contacts' ? 'contacts' : 'companies';
  const column = object === 'contacts' ? 'display_name' : 'name';
  const { rows } = await client.query<{ name: string }>(
    // group by, not distinct: a hash aggregate, where distinct sorts a million names
    `select ${column} as name from ${table} where workspace_id = $1 and deleted_at is null and ${NON_ASCII.replaceAll('%s', column)} group by 1`,
    [workspaceId],
  );
  const pairs: [string, string][] = [];
  for (const { name } of rows) {
    if (!hasCjk(name)) continue;
    const py = object === 'contacts' ? namePinyin(name) : namePinyin(companyNameKey(name), false);
    if (py) pairs.push([name, py]);
  }
  await copyRows(client, 'dd_names', [{ name: 'name', type: 'text' }, { name: 'py', type: 'text' }], pairs);
  await client.query('analyze dd_names');
  return pairs.length;
}

function identifierColumns(alias: string, keys: readonly string[], firstParam: number): string {
  return keys.map((_, i) => `,\n nullif(upper(regexp_replace(${alias}.attributes ->> $${firstParam + i}::text, '[^[:alnum:]]', '', 'g')), '') as id${i}`).join('');
}

/** The key hash; its lowest bit marks a broad key (set) or an exact/composite one (clear). */
function key(text: string, broad = false): string {
  return broad ? `hashtextextended(${text}, 0) | 1` : `hashtextextended(${text}, 0) & -2`;
}

function keyArrays(entries: readonly [string, string][], identifierKeys: readonly string[], firstParam: number): string {
  const all = [...entries, ...identifierKeys.map((_, i): [string, string] => [key(`'i' || $${firstParam + i}::text || ':' || y.id${i}`), '0'])];
  return `unnest(array[${all.map(([k]) => k).join(',\n      ')}]::bigint[], array[${all.map(([, order]) => order).join(', ')}]::bigint[]) u(k, s)`;
}

/** Extra emails and phones of the labelled lists (the first one is already the email/phone column). */
function listKeys(table: string, column: string, scalar: string, prefix: string): string {
  return `insert into dd_keys (k, s, id)
    select ${key(`'${prefix}' || lower(e.value ->> 'value')`)}, 0, r.id
    from ${table} r cross join lateral jsonb_array_elements(r.${column}) e
    where r.workspace_id = $1 and r.deleted_at is null
      and (case when jsonb_typeof(r.${column}) = 'array' then jsonb_array_length(r.${column}) else 0 end) > 1
      and e.value ->> 'value' is not null and lower(e.value ->> 'value') is distinct from lower(r.${scalar}::text)`;
}

// `offset 0` keeps each subquery from being folded into the next: every function then runs once per
// record instead of once per key that mentions its result. The keys of a record are one array
// (unnest is cheaper per row than a VALUES list); a null key drops out.
function contactKeysSql(identifierKeys: readonly string[]): string {
  return `insert into dd_keys (k, s, id)
    select u.k, u.s, y.id
    from (select c.id, lower(c.email::text) as em, c.phone, c.birthday::text as bd, nm.py,
            nullif(upper(regexp_replace(c.postcode, '[^[:alnum:]]', '', 'g')), '') as pc,
            case when nm.py is null then nullif(dmetaphone(unaccent(coalesce(c.last_name, ''))), '') end as dl,
            case when nm.py is null then nullif(dmetaphone(unaccent(coalesce(c.first_name, ''))), '') end as df,
            case when nm.py is null then ${FOLD('c.display_name')} end as fn,
            ${FOLD('c.street')} as st, lower(c.city) as ct${identifierColumns('c', identifierKeys, 2)}
          from contacts c left join dd_names nm on nm.name = c.display_name
          where c.workspace_id = $1 and c.deleted_at is null
          offset 0) y
    cross join lateral (select
        coalesce(y.py, y.dl, y.df) as n1,
        case when y.dl is not null and y.df is distinct from y.dl then y.df end as n2,
        coalesce(y.py, least(y.dl, y.df) || '|' || greatest(y.dl, y.df), y.dl, y.df, y.fn) as nn,
        case when length(split_part(y.em, '@', 1)) >= 6 then split_part(y.em, '@', 1) end as lp
        offset 0) z
    cross join lateral ${keyArrays([
      [key(`'e' || y.em`), '0'],
      [key(`'p' || y.phone`), '0'],
      [key(`'b' || y.bd || '|' || y.pc`), '0'],
      [key(`'c' || z.n1 || '|' || y.bd`), '0'],
      [key(`'c' || z.n2 || '|' || y.bd`), '0'],
      [key(`'d' || z.n1 || '|' || y.pc`), '0'],
      [key(`'d' || z.n2 || '|' || y.pc`), '0'],
      [key(`'a' || y.st || '|' || y.ct`), 'hashtext(z.nn)'],
      [key(`'n' || z.nn`, true), '0'],
      [key(`'l' || z.lp`, true), '0'],
    ], identifierKeys, 2)}
    where u.k is not null`;
}

function companyKeysSql(identifierKeys: readonly string[]): string {
  return `insert into dd_keys (k, s, id)
    select u.k, u.s, y.id
    from (select co.id, lower(co.email::text) as em, co.phone, nm.py,
            nullif(regexp_replace(lower(co.domain::text), '^www\\.', ''), '') as dm,
            nullif(regexp_replace(regexp_replace(regexp_replace(lower(unaccent(co.name)),
              '${LEGAL_FORMS_SQL}', '', 'g'), '${CJK_LEGAL_FORMS_SQL}', ''), '[^[:alnum:]]', '', 'g'), '') as nk,
            ${FOLD('co.street')} as st, lower(co.city) as ct${identifierColumns('co', identifierKeys, 2)}
          from companies co left join dd_names nm on nm.name = co.name
          where co.workspace_id = $1 and co.deleted_at is null
          offset 0) y
    cross join lateral ${keyArrays([
      [key(`'e' || y.em`), '0'],
      [key(`'p' || y.phone`), '0'],
      [key(`'w' || y.dm`), '0'],
      [key(`'a' || y.st || '|' || y.ct`), 'hashtext(y.nk)'],
      [key(`'n' || y.nk`), 'hashtext(y.ct)'],
      [key(`'d' || coalesce(y.py, nullif(dmetaphone(y.nk), ''))`, true), '0'],
    ], identifierKeys, 2)}
    where u.k is not null`;
}

/** Fills `dd_keys` for one workspace and object; returns how many keys it holds. */
export async function buildBlockingKeys(
  client: pg.PoolClient,
  object: DedupeObject,
  workspaceId: string,
  identifierKeys: readonly string[],
): Promise<{ keys: number; chineseNames: number }> {
  const chineseNames = await loadNamePinyin(client, object, workspaceId);
  await client.query('create temp table dd_keys (k bigint not null, s bigint not null, id bigint not null) on commit drop');
  const params = [workspaceId, ...identifierKeys];
  let keys = 0;
  if (object === 'contacts') {
    keys += (await client.query(contactKeysSql(identifierKeys), params)).rowCount ?? 0;
    keys += (await client.query(listKeys('contacts', 'emails', 'email', 'e'), [workspaceId])).rowCount ?? 0;
    keys += (await client.query(listKeys('contacts', 'phones', 'phone', 'p'), [workspaceId])).rowCount ?? 0;
  } else {
    keys += (await client.query(companyKeysSql(identifierKeys), params)).rowCount ?? 0;
  }
  await client.query('analyze dd_keys');
  return { keys, chineseNames };
}
