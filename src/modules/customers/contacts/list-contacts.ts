import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { visibilityPredicate, visibleOwnerIds } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { pageAndCount, withListPlanning } from '../filter/count.ts';
import { filterPredicate } from '../filter/filter-predicate.ts';
import { isFiltered, ownerStreamCandidates, ownerStreamsCountFrom, type OwnerStreamsInput } from '../filter/owner-streams.ts';
import { quickTextPredicate } from '../filter/quick-text.ts';
import { assertSortable, keysetPredicate, orderBy, parseSort, sortKeySelect } from '../filter/sort.ts';
import { CONTACT_FROM, CONTACT_SORTS, contactFilterRegistry, contactQuickTextSources, contactSelect } from './contact-fields.ts';
import type { ContactJson } from './contact-schemas.ts';

export type ListQuery = { filter?: string; sort?: string; limit?: number; cursor?: string; q?: string };

/**
 * One page of contacts: workspace, not deleted, visible (data scope + collaborators), the filter and the
 * quick text — all in SQL — ordered by (sort value, id) with a keyset cursor, so page 500 costs what page 1
 * costs. With the default sort the (workspace_id, updated_at, id) index serves the first page directly.
 */
export async function listContacts(db: Db, principal: Principal, query: ListQuery) {
  const { page: pageQuery, countFrom, limit } = await contactListQuery(db, principal, query);
  const { rows, ...count } = await withListPlanning(db, (tx) => pageAndCount(tx, pageQuery, countFrom, limit, !query.cursor));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next_cursor = rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null;
  return { data: page.map(({ sort_key: _, ...contact }) => contact), next_cursor, ...count };
}

/** The page and count queries, separate from running them so their plans can be checked (EXPLAIN in tests). */
export async function contactListQuery(db: Db, principal: Principal, query: ListQuery) {
  const definitions = await fieldDefinitionsFor(db, principal, 'contacts');
  const filter = filterPredicate(query.filter, contactFilterRegistry(principal, definitions, 'c'), principal, 'contacts');
  const sort = parseSort(query.sort, CONTACT_SORTS);
  assertSortable(principal, 'contacts', sort);
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  const ownerIds = await visibleOwnerIds(db, principal, 'contacts');
  const visible = visibilityPredicate('c', 'contacts', principal, ownerIds);
  const where = sql`c.workspace_id = ${principal.workspaceId} and c.deleted_at is null and ${visible} and ${filter}
    and ${quickTextPredicate('c', query.q, principal, 'contacts', contactQuickTextSources('c'))}`;
  const streams: OwnerStreamsInput = { table: 'contacts', alias: 'c', principal, ownerIds, sort, cursor, limit, filtered: isFiltered(query) };
  const page = sql<ContactJson & { sort_key: string | null }>`
    select ${contactSelect(principal, definitions, 'list')}, ${sortKeySelect(sort)} as sort_key
    ${CONTACT_FROM}
    where ${where} and ${keysetPredicate(sort, cursor, sql`c.id`)} and ${ownerStreamCandidates(streams) ?? sql`true`}
    order by ${orderBy(sort, sql`c.id`)}
    limit ${limit + 1}`;
  return { page, countFrom: ownerStreamsCountFrom(streams) ?? sql`from contacts c where ${where}`, limit };
}
