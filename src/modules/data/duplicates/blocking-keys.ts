import type pg from 'pg';
import { copyRows } from '../../../platform/db/copy-rows.ts';
import type { DedupeObject } from './dedupe-settings.ts';
import { companyNameKey, namePinyin } from './similarity.ts';

/**
 * Blocking (docs/adr/0011-duplicate-scoring.md): every record gets a handful of keys, and only records
 * sharing a key are ever compared. Keys are made set-based in SQL into the session's temporary table
 * `dd_keys (k, s, id)`; the first letter of a key says its kind, `s` orders a block for the window
 * (candidate-pairs.ts). Runs inside the scan's transaction (temporary tables drop on commit).
 *
 * Contacts: e email · p phone · i identifier custom field · b birthday+postcode ·
 * c name key+birthday · d name key+postcode · n name key alone · m whole folded name alone.
 * The name key is the Double Metaphone code (Philips 2000) of the family name and of the given name
 * (each, so that swapped names still meet), or for a Chinese name its toneless pinyin, which joins
 * traditional/simplified variants and homophone typos (張偉, 张伟, 张玮 → zhangwei).
 * Companies: e email · p phone · w domain · i identifier · n name without legal form · d its phonetic
 * code or pinyin. A block is ordered by `s` (birthday and postcode, or city) so that the window pairs
 * the most alike records of an oversized block.
 */

const CJK_CLASS = '[\u3400-\u9fff\uf900-\ufaff]';
const LEGAL_FORMS_SQL = String.raw`\m(co|company|corp|corporation|inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sarl|bv|plc|pty|group)\M`;
const CJK_LEGAL_FORMS_SQL = '(股份有限公司|有限责任公司|有限公司|集团|公司)$';

/** Pinyin of the distinct Chinese names of the workspace, computed once each (pinyin-pro has no SQL twin). */
async function loadNamePinyin(client: pg.PoolClient, object: DedupeObject, workspaceId: string): Promise<number> {
  await client.query('create temp table dd_names (name text primary key, py text not null) on commit drop');
  const table = object === 'contacts' ? 'contacts' : 'companies';
  const column = object === 'contacts' ? 'display_name' : 'name';
  const { rows } = await client.query<{ name: string }>(
    `select distinct ${column} as name from ${table} where workspace_id = $1 and deleted_at is null and ${column} ~ $2`,
    [workspaceId, CJK_CLASS],
  );
  const pairs: [string, string][] = [];
  for (const { name } of rows) {
    const py = namePinyin(object === 'contacts' ? name : companyNameKey(name));
    if (py) pairs.push([name, py]);
  }
  await copyRows(client, 'dd_names', [{ name: 'name', type: 'text' }, { name: 'py', type: 'text' }], pairs);
  await client.query('analyze dd_names');
  return pairs.length;
}

function identifierValues(alias: string, keys: readonly string[], firstParam: number): string {
  return keys.map((_, i) => `,\n  ('i' || $${firstParam + i}::text || ':' || nullif(upper(regexp_replace(${alias}.attributes ->> $${firstParam + i}::text, '[^[:alnum:]]', '', 'g')), ''), '')`).join('');
}

/** Extra emails and phones of the labelled lists (the first one is already the email/phone column). */
function listKeys(table: string, column: string, scalar: string, prefix: string): string {
  return `insert into dd_keys (k, s, id)
    select '${prefix}' || lower(e.value ->> 'value'), '', r.id
    from ${table} r cross join lateral jsonb_array_elements(r.${column}) e
    where r.workspace_id = $1 and r.deleted_at is null
      and (case when jsonb_typeof(r.${column}) = 'array' then jsonb_array_length(r.${column}) else 0 end) > 1
      and lower(e.value ->> 'value') is distinct from lower(r.${scalar}::text)`;
}

function contactKeysSql(identifierKeys: readonly string[]): string {
  return `insert into dd_keys (k, s, id)
    select v.k, v.s, c.id
    from contacts c
    left join dd_names nm on nm.name = c.display_name
    cross join lateral (select
        nullif(dmetaphone(unaccent(coalesce(c.last_name, ''))), '') as dl,
        nullif(dmetaphone(unaccent(coalesce(c.first_name, ''))), '') as df,
        nullif(upper(regexp_replace(c.postcode, '[^[:alnum:]]', '', 'g')), '') as pc,
        c.birthday::text as bd,
        nullif(regexp_replace(lower(unaccent(c.display_name)), '[^[:alnum:]]', '', 'g'), '') as fn) x
    cross join lateral (select
        coalesce(nm.py, x.dl, x.df) as n1,
        case when nm.py is null and x.dl is not null and x.df is distinct from x.dl then x.df end as n2,
        coalesce(nm.py, least(x.dl, x.df) || '|' || greatest(x.dl, x.df), x.dl, x.df) as nn,
        coalesce(x.bd, '') || coalesce(x.pc, '') as near) y
    cross join lateral (values
      ('e' || lower(c.email::text), ''),
      ('p' || c.phone, ''),
      ('b' || x.bd || '|' || x.pc, ''),
      ('c' || y.n1 || '|' || x.bd, ''),
      ('c' || y.n2 || '|' || x.bd, ''),
      ('d' || y.n1 || '|' || x.pc, ''),
      ('d' || y.n2 || '|' || x.pc, ''),
      ('n' || y.nn, y.near),
      ('m' || x.fn, y.near)${identifierValues('c', identifierKeys, 2)}
    ) v(k, s)
    where c.workspace_id = $1 and c.deleted_at is null and v.k is not null`;
}

function companyKeysSql(identifierKeys: readonly string[]): string {
  return `insert into dd_keys (k, s, id)
    select v.k, v.s, co.id
    from companies co
    left join dd_names nm on nm.name = co.name
    cross join lateral (select nullif(regexp_replace(regexp_replace(regexp_replace(lower(unaccent(co.name)),
        '${LEGAL_FORMS_SQL}', '', 'g'), '${CJK_LEGAL_FORMS_SQL}', ''), '[^[:alnum:]]', '', 'g'), '') as nk) x
    cross join lateral (values
      ('e' || lower(co.email::text), ''),
      ('p' || co.phone, ''),
      ('w' || nullif(regexp_replace(lower(co.domain::text), '^www\\.', ''), ''), ''),
      ('n' || x.nk, coalesce(co.city, '')),
      ('d' || coalesce(nm.py, nullif(dmetaphone(x.nk), '')), coalesce(co.city, ''))${identifierValues('co', identifierKeys, 2)}
    ) v(k, s)
    where co.workspace_id = $1 and co.deleted_at is null and v.k is not null`;
}

/** Fills `dd_keys` for one workspace and object; returns how many records and keys it holds. */
export async function buildBlockingKeys(
  client: pg.PoolClient,
  object: DedupeObject,
  workspaceId: string,
  identifierKeys: readonly string[],
): Promise<{ keys: number; chineseNames: number }> {
  const chineseNames = await loadNamePinyin(client, object, workspaceId);
  await client.query('create temp table dd_keys (k text not null, s text not null, id bigint not null) on commit drop');
  const params = [workspaceId, ...identifierKeys];
  let keys = 0;
  if (object === 'contacts') {
    keys += (await client.query(contactKeysSql(identifierKeys), params)).rowCount ?? 0;
    keys += (await client.query(listKeys('contacts', 'emails', 'email', 'e'), [workspaceId])).rowCount ?? 0;
    keys += (await client.query(listKeys('contacts', 'phones', 'phone', 'p'), [workspaceId])).rowCount ?? 0;
  } else {
    keys += (await client.query(companyKeysSql(identifierKeys), params)).rowCount ?? 0;
  }
  return { keys, chineseNames };
}
