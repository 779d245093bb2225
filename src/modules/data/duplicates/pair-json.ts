import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isHidden, readableDisplayName, readableField, visibleOwnerIds, visibilityPredicate, type MaskKind } from '../../accounts/index.ts';
import { objectType, type DedupeObject } from './dedupe-settings.ts';
import type { DuplicatePairJson, PairStatus } from './duplicate-schemas.ts';
import type { Reason } from './score-pair.ts';

/** Reviewing duplicates means deciding about records: the role's edit action on the object (docs: data API). */
export function assertMayReview(principal: Principal, object: DedupeObject): void {
  if (!can(principal, object, 'edit')) {
    throw new AppError('PERMISSION_DENIED', `Your role may not review duplicate ${object}`, { object, action: 'edit' });
  }
}

export function pairTable(object: DedupeObject): RawBuilder<unknown> {
  return sql.table(object === 'contacts' ? 'contacts' : 'companies');
}

/**
 * Both records visible to the caller (data scope or a live share), in SQL — a pair is shown only to
 * someone who may see both sides. `ra` and `rb` are the records' aliases.
 */
export async function bothVisible(db: Db | Tx, principal: Principal, object: DedupeObject): Promise<RawBuilder<boolean>> {
  const owners = await visibleOwnerIds(db, principal, object);
  return sql<boolean>`${visibilityPredicate('ra', object, principal, owners)} and ${visibilityPredicate('rb', object, principal, owners)}`;
}

/** RecordSummary of one side, through the same field policy (hidden → null, masked) as the lists. */
function summary(principal: Principal, object: DedupeObject, alias: 'ra' | 'rb'): RawBuilder<unknown> {
  const field = (name: string, column: string, kind: MaskKind = 'text') =>
    readableField(principal, object, name, sql.raw(`${alias}.${column}`), kind, 'list');
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const title = object === 'contacts'
    ? readableDisplayName(principal, { displayName: column('display_name'), firstName: column('first_name'), lastName: column('last_name') }, 'list')
    : field('name', 'name');
  return sql`json_build_object('id', ${sql.raw(alias)}.id::text, 'external_id', ${field('external_id', 'external_id')},
    'display_name', ${title}, 'email', ${field('email', 'email::text', 'email')}, 'phone', ${field('phone', 'phone', 'phone')},
    'city', ${field('city', 'city')}, 'updated_at', to_json(${sql.raw(alias)}.updated_at)#>>'{}')`;
}

/** `from … where …` of pair reads: the pair, both records (live unless the pair was merged), both visible. */
export function pairFrom(principal: Principal, object: DedupeObject, visible: RawBuilder<boolean>, status: PairStatus | null): RawBuilder<unknown> {
  const table = pairTable(object);
  // a merged pair's merged record is retired (deleted_at set): the pair stays reviewable in the merged list
  const live = status === 'merged' ? sql`true` : sql`ra.deleted_at is null and rb.deleted_at is null`;
  return sql`from duplicate_pairs p
    join ${table} ra on ra.workspace_id = p.workspace_id and ra.id = p.a_id
    join ${table} rb on rb.workspace_id = p.workspace_id and rb.id = p.b_id
    where p.workspace_id = ${principal.workspaceId} and p.object_type = ${objectType(object)} and ${live} and ${visible}`;
}

export function pairSelect(principal: Principal, object: DedupeObject): RawBuilder<unknown> {
  return sql`p.id::text as id, p.score, p.status, p.reasons, to_json(p.created_at)#>>'{}' as created_at,
    ${summary(principal, object, 'ra')} as a, ${summary(principal, object, 'rb')} as b`;
}

export type PairRow = { id: string; score: number; status: PairStatus; reasons: Reason[]; created_at: string; a: DuplicatePairJson['a']; b: DuplicatePairJson['b'] };

/**
 * The field permission a reason speaks about: a reason on a hidden field would tell what the field holds.
 * A contact's name reason compares whole names, so a hidden first or last name hides it (isHidden's
 * derived-field rule).
 */
function permissionKey(object: DedupeObject, field: string): string {
  if (field === 'name') return object === 'contacts' ? 'display_name' : 'name';
  return field;
}

export function pairJson(principal: Principal, object: DedupeObject, row: PairRow): DuplicatePairJson {
  const reasons = row.reasons.filter((r) => !isHidden(principal, object, permissionKey(object, r.field)));
  return { id: row.id, object, score: Number(row.score), status: row.status, reasons, a: row.a, b: row.b, created_at: row.created_at };
}
