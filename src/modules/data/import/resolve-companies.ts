import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { companySearchColumns } from '../../customers/index.ts';
import type { ImportContext } from './import-context.ts';
import type { StageRef } from './refuse-rows.ts';

const CREATE_BATCH = 2_000;

/**
 * A `company` column names the contact's company: an existing live company of that name (ignoring
 * case) is linked; a name nobody has yet becomes a new company, created by this batch (undo removes it).
 */
export async function resolveCompanies(tx: Tx, stage: StageRef, ctx: ImportContext): Promise<void> {
  if (!ctx.columns.has('company')) return;
  const ws = ctx.workspaceId;
  const t = stage.table;
  const link = () => sql`
    update ${t} s set company_id = m.id
    from (select distinct on (lower(co.name)) lower(co.name) as key, co.id from companies co
          where co.workspace_id = ${ws} and co.deleted_at is null
            and lower(co.name) in (select distinct lower(company_name) from ${t} where company_name is not null)
          order by lower(co.name), co.id) m
    where s.company_name is not null and s.company_id is null and lower(s.company_name) = m.key`.execute(tx);
  await link();
  const { rows } = await sql<{ name: string }>`
    select distinct on (lower(company_name)) company_name as name from ${t}
    where company_name is not null and company_id is null order by lower(company_name), row_number`.execute(tx);
  for (let i = 0; i < rows.length; i += CREATE_BATCH) {
    const chunk = rows.slice(i, i + CREATE_BATCH);
    const names = chunk.map((r) => r.name);
    const tokens = chunk.map((r) => JSON.stringify(companySearchColumns({ name: r.name }).search_tokens));
    const texts = chunk.map((r) => companySearchColumns({ name: r.name }).search_text);
    await sql`
      with ins as (
        insert into companies (workspace_id, name, owner_id, search_tokens, search_text, import_batch_id, created_by)
        select ${ws}, u.name, ${ctx.userId}::bigint, array_to_tsvector(array(select jsonb_array_elements_text(u.tokens::jsonb))), u.text, ${ctx.batchId}, ${ctx.userId}
        from unnest(${names}::text[], ${tokens}::text[], ${texts}::text[]) as u(name, tokens, text)
        returning id
      )
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
      select ${ws}, ${ctx.batchId}, 'companies', id, 'c', 1 from ins`.execute(tx);
  }
  if (rows.length > 0) await link();
}
