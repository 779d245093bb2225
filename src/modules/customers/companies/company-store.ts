import { sql, type RawBuilder } from 'kysely';
import { prepared, type Db, type Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { unmaskedField, type ReadContext } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { companySearchColumns } from '../search/search-document.ts';
import type { Warning } from '../records/warnings.ts';
import { COMPANY_FROM, companySelect } from './company-fields.ts';
import type { CompanyJson } from './company-schemas.ts';
import type { CompanyValues } from './prepare-company.ts';

export async function loadCompanyValues(tx: Tx, workspaceId: string, id: string): Promise<CompanyValues> {
  const { rows } = await sql<CompanyValues>`
    select name, domain::text as domain, industry, phone, email::text as email, website, street, city, region, postcode, country,
           owner_id::text as owner_id, tags, attributes, external_id
    from companies where workspace_id = ${workspaceId} and id = ${id}`.execute(tx);
  if (!rows[0]) throw notFound('Company');
  return rows[0];
}

export async function checkOwner(tx: Tx, workspaceId: string, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const { rows } = await sql`select 1 from users where workspace_id = ${workspaceId} and id = ${ownerId} and active`.execute(tx);
  if (!rows[0]) throw new AppError('FIELD_VALUE_INVALID', 'The owner is not an active user of this workspace', { field: 'owner_id' });
}

export function companyColumns(values: CompanyValues): { names: RawBuilder<unknown>[]; values: RawBuilder<unknown>[] } {
  const doc = companySearchColumns({ name: values.name, domain: values.domain, email: values.email, phone: values.phone });
  const pairs: [string, RawBuilder<unknown>][] = [
    ['name', sql`${values.name}`],
    ['domain', sql`${values.domain}::citext`],
    ['industry', sql`${values.industry}`],
    ['phone', sql`${values.phone}`],
    ['email', sql`${values.email}::citext`],
    ['website', sql`${values.website}`],
    ['street', sql`${values.street}`],
    ['city', sql`${values.city}`],
    ['region', sql`${values.region}`],
    ['postcode', sql`${values.postcode}`],
    ['country', sql`${values.country}`],
    ['owner_id', sql`${values.owner_id}::bigint`],
    ['tags', sql`${values.tags}::text[]`],
    ['attributes', sql`${JSON.stringify(values.attributes)}::jsonb`],
    ['external_id', sql`${values.external_id}`],
    ['search_tokens', sql`array_to_tsvector(${doc.search_tokens}::text[])`],
    ['search_text', sql`${doc.search_text}`],
  ];
  return { names: pairs.map(([n]) => sql.ref(n)), values: pairs.map(([, v]) => v) };
}

export async function selectCompany(
  db: Db | Tx,
  principal: Principal,
  definitions: readonly FieldDefinition[],
  id: string,
  context: ReadContext,
  visibility: RawBuilder<boolean>,
): Promise<CompanyJson | undefined> {
  const { rows } = await prepared(sql<CompanyJson>`
    select ${companySelect(principal, definitions, context)} ${COMPANY_FROM}
    where co.workspace_id = ${principal.workspaceId} and co.id = ${id} and co.deleted_at is null and ${visibility}`).execute(db);
  return rows[0];
}

/**
 * 查重 for companies: same domain, same name (case-insensitive), same email or phone; names the record and
 * its owner (unless the role hides owners) only.
 */
export async function findCompanyDuplicates(tx: Tx, principal: Principal, id: string, values: CompanyValues): Promise<Warning[]> {
  const workspaceId = principal.workspaceId;
  const { rows } = await sql<{ id: string; owner_name: string | null; same_domain: boolean; same_name: boolean; same_email: boolean; same_phone: boolean }>`
    select co.id::text, ${unmaskedField(principal, 'companies', 'owner_id', sql`u.name`)} as owner_name,
           coalesce(co.domain = ${values.domain}::citext, false) as same_domain,
           lower(co.name) = lower(${values.name}) as same_name,
           coalesce(co.email = ${values.email}::citext, false) as same_email,
           coalesce(co.phone = ${values.phone}, false) as same_phone
    from companies co left join users u on u.workspace_id = co.workspace_id and u.id = co.owner_id
    where co.workspace_id = ${workspaceId} and co.deleted_at is null and co.id <> ${id}
      and (co.domain = ${values.domain}::citext or lower(co.name) = lower(${values.name})
           or co.email = ${values.email}::citext or co.phone = ${values.phone})
    order by co.id
    limit 5`.execute(tx);
  return rows.map((r) => ({
    code: 'DUPLICATE_SUSPECTED',
    message: 'A company with the same name, domain, email or phone already exists',
    details: {
      record_id: r.id,
      reasons: [
        ...(r.same_domain ? ['same domain'] : []),
        ...(r.same_name ? ['same name'] : []),
        ...(r.same_email ? ['same email'] : []),
        ...(r.same_phone ? ['same phone'] : []),
      ],
      owner_name: r.owner_name,
    },
  }));
}
