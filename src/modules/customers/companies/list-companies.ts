import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { visibilityPredicate, visibleOwnerIds } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { pageAndCount } from '../filter/count.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { isFiltered, ownerStreamCandidates, ownerStreamsCountFrom, type OwnerStreamsInput } from '../filter/owner-streams.ts';
import { quickTextPredicate } from '../filter/quick-text.ts';
import { assertSortable, keysetPredicate, orderBy, parseSort, sortKeySelect } from '../filter/sort.ts';
import { COMPANY_FROM, COMPANY_SORTS, companyFilterRegistry, companyQuickTextSources, companySelect } from './company-fields.ts';
import type { CompanyJson } from './company-schemas.ts';

/** One page of companies; the same shape of query as contacts (see list-contacts.ts). */
export async function listCompanies(db: Db, principal: Principal, query: { filter?: string; sort?: string; limit?: number; cursor?: string; q?: string }) {
  const definitions = await fieldDefinitionsFor(db, principal, 'companies');
  const filter = filterPredicate(query.filter, companyFilterRegistry(principal, definitions, 'co'), principal, 'companies');
  const sort = parseSort(query.sort, COMPANY_SORTS);
  assertSortable(principal, 'companies', sort);
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  const ownerIds = await visibleOwnerIds(db, principal, 'companies');
  const visible = visibilityPredicate('co', 'companies', principal, ownerIds);
  const streams: OwnerStreamsInput = { table: 'companies', alias: 'co', principal, ownerIds, sort, cursor, limit, filtered: isFiltered(query) };
  const where = sql`co.workspace_id = ${principal.workspaceId} and co.deleted_at is null and ${visible} and ${filter}
    and ${quickTextPredicate('co', query.q, principal, 'companies', companyQuickTextSources('co'))}`;
  const { rows, ...count } = await pageAndCount(db, sql<CompanyJson & { sort_key: string | null }>`
      select ${companySelect(principal, definitions, 'list')}, ${sortKeySelect(sort)} as sort_key
      ${COMPANY_FROM}
      where ${where} and ${keysetPredicate(sort, cursor, sql`co.id`)} and ${ownerStreamCandidates(streams) ?? sql`true`}
      order by ${orderBy(sort, sql`co.id`)}
      limit ${limit + 1}`, ownerStreamsCountFrom(streams) ?? sql`from companies co where ${where}`, limit, cursor === null);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next_cursor = rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null;
  return { data: page.map(({ sort_key: _, ...company }) => company), next_cursor, ...count };
}
