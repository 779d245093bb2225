import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { contactSearchColumns, displayName } from '../../customers/index.ts';
import type { ImportContext } from './import-context.ts';
import { resolveCompanies } from './resolve-companies.ts';
import { countUnchanged, differs, matchAndCheck, refuseMissingRequired, snapshotChanged, type MatchSpec } from './match-rows.ts';
import { refuseRows, type StageRef } from './refuse-rows.ts';

export type ApplyCounts = { created: number; updated: number; unchanged: number };

/** Standard columns an import may set, with how an update combines the staged value with the stored one. */
const PLAIN = ['first_name', 'last_name', 'gender', 'birthday', 'street', 'city', 'region', 'postcode', 'country', 'source',
  'lifecycle_stage', 'value_tier', 'owner_id', 'consent_email', 'consent_sms', 'external_id'] as const;

/** What undo restores: every column an import can change. */
export const CONTACT_RESTORABLE = [...PLAIN, 'display_name', 'email', 'emails', 'phone', 'phones', 'phone_rev', 'company_id', 'tags',
  'attributes', 'search_tokens', 'search_text', 'import_batch_id'] as const;

const MATCH: MatchSpec = {
  table: 'contacts',
  columns: { external_id: { column: 'external_id', cast: 'text' }, email: { column: 'email', cast: 'citext' }, phone: { column: 'phone', cast: 'text' } },
  softDelete: true,
  scoped: true,
  label: 'contact',
  aliases: true,
};

/**
 * The set-based half of a contacts import, in the caller's transaction: the shared matching rules, a
 * before-image of each record that changes, one UPDATE and one INSERT … SELECT, then the display names
 * and search documents of updated records (they depend on values the file did not carry).
 */
export async function applyContacts(tx: Tx, stage: StageRef, ctx: ImportContext, principal: Principal): Promise<ApplyCounts> {
  await matchAndCheck(tx, stage, ctx, principal, MATCH);
  await refuseRows(tx, stage, { code: 'FIELD_REQUIRED', column: null, message: sql`'A new contact needs a first or last name'`, where: sql`s.target_id is null and s.display_name is null` });
  await refuseMissingRequired(tx, stage, ctx);
  await resolveCompanies(tx, stage, ctx);
  const updated = await updateMatched(tx, stage, ctx);
  const unchanged = await countUnchanged(tx, stage);
  const created = await insertNew(tx, stage.table, ctx);
  await refreshUpdatedDocuments(tx, ctx);
  return { created, updated, unchanged };
}

/** Matched rows whose file values differ from what is stored: before-images first, then one UPDATE. */
async function updateMatched(tx: Tx, stage: StageRef, ctx: ImportContext): Promise<number> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  const mapped = (target: string) => ctx.columns.has(target);
  const nameMapped = mapped('name') || mapped('first_name') || mapped('last_name');
  const plain = PLAIN.filter((column) => mapped(column === 'owner_id' ? 'owner' : column) || (nameMapped && (column === 'first_name' || column === 'last_name')));
  const diffs = differs(plain);
  if (mapped('email')) diffs.push(...differs(['email']));
  if (mapped('phone')) diffs.push(...differs(['phone']));
  if (mapped('company')) diffs.push(...differs(['company_id']));
  if (mapped('tags')) diffs.push('(s.tags is not null and not (s.tags <@ c.tags))');
  if ([...ctx.columns.keys()].some((k) => k.startsWith('attributes.'))) diffs.push('(s.attributes is not null and not (c.attributes @> s.attributes))');
  if (diffs.length === 0) {
    await snapshotChanged(tx, stage, ctx, 'contacts', sql`false`, CONTACT_RESTORABLE);
    return 0;
  }
  const changes = await snapshotChanged(tx, stage, ctx, 'contacts', sql.raw(diffs.join(' or ')), CONTACT_RESTORABLE);
  if (changes === 0) return 0;
  const { rows } = await sql<{ n: string }>`
    with upd as (
      update contacts c set
        ${sql.raw(PLAIN.map((col) => `${col} = coalesce(s.${col}, c.${col})`).join(',\n        '))},
        email = case when s.email is null or s.email = c.email then c.email else s.email end,
        emails = case when s.email is null or s.email = c.email then c.emails
                      else jsonb_build_array(jsonb_build_object('value', s.email::text, 'label', null))
                           || coalesce((select jsonb_agg(e) from jsonb_array_elements(c.emails) e where lower(e->>'value') <> lower(s.email::text)), '[]'::jsonb) end,
        phone = coalesce(s.phone, c.phone),
        phones = case when s.phone is null then c.phones
                      else jsonb_build_array(jsonb_build_object('value', s.phone, 'label', null))
                           || coalesce((select jsonb_agg(p) from jsonb_array_elements(c.phones) p where p->>'value' <> s.phone), '[]'::jsonb) end,
        company_id = coalesce(s.company_id, c.company_id),
        tags = case when s.tags is null then c.tags else c.tags || array(select x from unnest(s.tags) x where x <> all(c.tags)) end,
        attributes = c.attributes || coalesce(s.attributes, '{}'::jsonb),
        import_batch_id = ${ctx.batchId},
        version = c.version + 1,
        updated_at = now()
      from ${t} s
      where c.workspace_id = ${ws} and c.id = s.target_id and s.target_id > 0
      returning c.id
    )
    select count(*)::text as n from upd`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

async function insertNew(tx: Tx, t: RawBuilder<unknown>, ctx: ImportContext): Promise<number> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<{ n: string }>`
    with ins as (
      insert into contacts (workspace_id, first_name, last_name, display_name, email, emails, phone, phones, phone_rev, gender, birthday,
                            street, city, region, postcode, country, source, lifecycle_stage, value_tier, owner_id, company_id,
                            consent_email, consent_sms, tags, attributes, external_id, search_tokens, search_text, import_batch_id, created_by)
      select ${ws}, s.first_name, s.last_name, s.display_name, s.email,
             case when s.email is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', s.email::text, 'label', null)) end,
             s.phone,
             case when s.phone is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', s.phone, 'label', null)) end,
             s.phone_rev, s.gender, s.birthday, s.street, s.city, s.region, s.postcode, s.country, s.source, s.lifecycle_stage, s.value_tier,
             coalesce(s.owner_id, ${ctx.userId}::bigint), s.company_id, coalesce(s.consent_email, false), coalesce(s.consent_sms, false),
             coalesce(s.tags, '{}'), coalesce(s.attributes, '{}'::jsonb), s.external_id, s.search_tokens, s.search_text, ${ctx.batchId}, ${ctx.userId}
      from ${t} s where s.target_id is null
      order by s.row_number
      returning id
    ), aggregates as (
      insert into contact_aggregates (workspace_id, contact_id) select ${ws}, id from ins
    ), logged as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
      select ${ws}, ${ctx.batchId}, 'contacts', id, 'c', 1 from ins
    )
    select count(*)::text as n from ins`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

const REFRESH_BATCH = 5_000;

/** Updated contacts get their display name and search document from their final values. */
async function refreshUpdatedDocuments(tx: Tx, ctx: ImportContext): Promise<void> {
  let after = '0';
  for (;;) {
    const { rows } = await sql<{ id: string; first_name: string | null; last_name: string | null; emails: { value: string }[]; phones: { value: string }[] }>`
      select c.id::text, c.first_name, c.last_name, c.emails, c.phones
      from import_batch_rows r join contacts c on c.workspace_id = r.workspace_id and c.id = r.record_id
      where r.workspace_id = ${ctx.workspaceId} and r.batch_id = ${ctx.batchId} and r.object_type = 'contacts' and r.action = 'u' and r.record_id > ${after}
      order by r.record_id limit ${REFRESH_BATCH}`.execute(tx);
    if (rows.length === 0) return;
    const ids: string[] = [];
    const names: string[] = [];
    const tokens: string[] = [];
    const texts: string[] = [];
    const revs: (string | null)[] = [];
    for (const r of rows) {
      const name = displayName(r.first_name, r.last_name);
      const doc = contactSearchColumns({ displayName: name, firstName: r.first_name, lastName: r.last_name, emails: r.emails.map((e) => e.value), phones: r.phones.map((p) => p.value) });
      ids.push(r.id);
      names.push(name);
      tokens.push(JSON.stringify(doc.search_tokens));
      texts.push(doc.search_text);
      revs.push(doc.phone_rev);
    }
    await sql`update contacts c set display_name = case when u.name = '' then c.display_name else u.name end,
                search_tokens = array_to_tsvector(array(select jsonb_array_elements_text(u.tokens::jsonb))),
                search_text = u.text, phone_rev = u.rev
              from unnest(${ids}::bigint[], ${names}::text[], ${tokens}::text[], ${texts}::text[], ${revs}::text[]) as u(id, name, tokens, text, rev)
              where c.workspace_id = ${ctx.workspaceId} and c.id = u.id`.execute(tx);
    after = rows[rows.length - 1]!.id;
  }
}
