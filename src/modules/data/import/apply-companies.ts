import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { companySearchColumns } from '../../customers/index.ts';
import type { ApplyCounts } from './apply-contacts.ts';
import type { ImportContext } from './import-context.ts';
import { countUnchanged, differs, matchAndCheck, refuseMissingRequired, snapshotChanged, type MatchSpec } from './match-rows.ts';
import { refuseRows, type StageRef } from './refuse-rows.ts';

const PLAIN = ['external_id', 'name', 'industry', 'website', 'street', 'city', 'region', 'postcode', 'country', 'domain', 'email', 'phone', 'owner_id'] as const;
export const COMPANY_RESTORABLE = [...PLAIN, 'tags', 'attributes', 'search_tokens', 'search_text', 'import_batch_id'] as const;

const MATCH: MatchSpec = {
  table: 'companies',
  columns: { external_id: { column: 'external_id', cast: 'text' }, domain: { column: 'domain', cast: 'citext' }, name: { column: 'name', cast: 'text', fold: true } },
  softDelete: true,
  scoped: true,
  label: 'company',
  aliases: true,
};

/** Companies: the shared matching rules, then one UPDATE and one INSERT … SELECT (see applyContacts). */
export async function applyCompanies(tx: Tx, stage: StageRef, ctx: ImportContext, principal: Principal): Promise<ApplyCounts> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  await matchAndCheck(tx, stage, ctx, principal, MATCH);
  await refuseRows(tx, stage, { code: 'FIELD_REQUIRED', column: null, message: sql`'A new company needs a name'`, where: sql`s.target_id is null and s.name is null` });
  await refuseMissingRequired(tx, stage, ctx);
  const mapped = PLAIN.filter((c) => ctx.columns.has(c === 'owner_id' ? 'owner' : c));
  const diffs = differs(mapped);
  if (ctx.columns.has('tags')) diffs.push('(s.tags is not null and not (s.tags <@ c.tags))');
  if ([...ctx.columns.keys()].some((k) => k.startsWith('attributes.'))) diffs.push('(s.attributes is not null and not (c.attributes @> s.attributes))');
  const changes = await snapshotChanged(tx, stage, ctx, 'companies', diffs.length ? sql.raw(diffs.join(' or ')) : sql`false`, COMPANY_RESTORABLE);
  let updated = 0;
  if (changes > 0) {
    const { rows } = await sql<{ n: string }>`
      with upd as (
        update companies c set
          ${sql.raw(PLAIN.map((col) => `${col} = coalesce(s.${col}, c.${col})`).join(', '))},
          tags = case when s.tags is null then c.tags else c.tags || array(select x from unnest(s.tags) x where x <> all(c.tags)) end,
          attributes = c.attributes || coalesce(s.attributes, '{}'::jsonb),
          import_batch_id = ${ctx.batchId}, version = c.version + 1, updated_at = now()
        from ${t} s where c.workspace_id = ${ws} and c.id = s.target_id and s.target_id > 0
        returning c.id, c.name, c.domain, c.email, c.phone
      )
      select count(*)::text as n from upd`.execute(tx);
    updated = Number(rows[0]?.n ?? 0);
    await refreshCompanyDocuments(tx, ctx);
  }
  const unchanged = await countUnchanged(tx, stage);
  const { rows } = await sql<{ n: string }>`
    with ins as (
      insert into companies (workspace_id, external_id, name, industry, website, street, city, region, postcode, country, domain, email, phone,
                             owner_id, tags, attributes, search_tokens, search_text, import_batch_id, created_by)
      select ${ws}, s.external_id, s.name, s.industry, s.website, s.street, s.city, s.region, s.postcode, s.country, s.domain, s.email, s.phone,
             coalesce(s.owner_id, ${ctx.userId}::bigint), coalesce(s.tags, '{}'), coalesce(s.attributes, '{}'::jsonb), s.search_tokens, s.search_text,
             ${ctx.batchId}, ${ctx.userId}
      from ${t} s where s.target_id is null order by s.row_number
      returning id
    ), logged as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
      select ${ws}, ${ctx.batchId}, 'companies', id, 'c', 1 from ins
    )
    select count(*)::text as n from ins`.execute(tx);
  return { created: Number(rows[0]?.n ?? 0), updated, unchanged };
}

async function refreshCompanyDocuments(tx: Tx, ctx: ImportContext): Promise<void> {
  const { rows } = await sql<{ id: string; name: string; domain: string | null; email: string | null; phone: string | null }>`
    select c.id::text, c.name, c.domain, c.email, c.phone from import_batch_rows r join companies c on c.workspace_id = r.workspace_id and c.id = r.record_id
    where r.workspace_id = ${ctx.workspaceId} and r.batch_id = ${ctx.batchId} and r.object_type = 'companies' and r.action = 'u'`.execute(tx);
  if (rows.length === 0) return;
  const docs = rows.map((r) => companySearchColumns(r));
  await sql`update companies c set search_tokens = array_to_tsvector(array(select jsonb_array_elements_text(u.tokens::jsonb))), search_text = u.text
            from unnest(${rows.map((r) => r.id)}::bigint[], ${docs.map((d) => JSON.stringify(d.search_tokens))}::text[], ${docs.map((d) => d.search_text)}::text[]) as u(id, tokens, text)
            where c.workspace_id = ${ctx.workspaceId} and c.id = u.id`.execute(tx);
}
