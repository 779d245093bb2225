import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { fieldAccess, isHidden } from '../../accounts/index.ts';
import { loadFieldDefinitions, recordStore } from '../../customers/index.ts';
import type { DedupeObject } from './dedupe-settings.ts';
import type { DuplicatePairJson } from './duplicate-schemas.ts';
import { assertMayReview, bothVisible, pairFrom, pairJson, pairSelect, type PairRow } from './pair-json.ts';

type ComparedField = { key: string; label: string; a: string | null; b: string | null; suggested: 'a' | 'b'; read_only: boolean };

/** The standard fields shown side by side, in form order; custom fields follow. */
const CONTACT_FIELDS: readonly [string, string][] = [
  ['first_name', 'First name'], ['last_name', 'Last name'], ['emails', 'Email'], ['phones', 'Phone'], ['gender', 'Gender'],
  ['birthday', 'Birthday'], ['street', 'Street'], ['city', 'City'], ['region', 'Region'], ['postcode', 'Postcode'], ['country', 'Country'],
  ['company_name', 'Company'], ['owner_name', 'Owner'], ['source', 'Source'], ['lifecycle_stage', 'Lifecycle stage'],
  ['value_tier', 'Value tier'], ['tags', 'Tags'], ['external_id', 'External id'],
];
const COMPANY_FIELDS: readonly [string, string][] = [
  ['name', 'Name'], ['domain', 'Domain'], ['industry', 'Industry'], ['email', 'Email'], ['phone', 'Phone'], ['website', 'Website'],
  ['street', 'Street'], ['city', 'City'], ['region', 'Region'], ['postcode', 'Postcode'], ['country', 'Country'],
  ['owner_name', 'Owner'], ['tags', 'Tags'], ['external_id', 'External id'],
];

/** The field permission behind a shown field (emails/phones lists are the email/phone fields; names come from joins). */
function permissionKey(key: string): string | null {
  if (key === 'emails') return 'email';
  if (key === 'phones') return 'phone';
  if (key === 'owner_name') return 'owner_id';
  if (key === 'company_name') return 'company_id';
  return key;
}

function display(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v)).filter((v) => v !== null && v !== '');
    return items.length > 0 ? items.map(String).join(', ') : null;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Which side's value a merge should keep: the only one present, else the more recently updated record's
 * (the one someone touched last is likelier to be current).
 */
function suggest(a: string | null, b: string | null, newer: 'a' | 'b'): 'a' | 'b' {
  if (a === null && b !== null) return 'b';
  if (b === null && a !== null) return 'a';
  return a === b ? 'a' : newer;
}

async function comparedFields(tx: Tx, principal: Principal, object: DedupeObject, aId: string, bId: string): Promise<ComparedField[]> {
  const store = recordStore(object);
  // the records exactly as GET /<object>/:id shows them to this caller (detail masking); the merged side
  // of a merged pair is retired and shows empty
  const read = async (id: string): Promise<Record<string, unknown> | null> =>
    (await store.select(tx, principal, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    })) as Record<string, unknown> | null;
  const a = await read(aId);
  const b = await read(bId);
  const definitions = await loadFieldDefinitions(tx, principal.workspaceId, object);
  const newer: 'a' | 'b' = String(b?.updated_at ?? '') > String(a?.updated_at ?? '') ? 'b' : 'a';
  const fields: ComparedField[] = [];
  for (const [key, label] of object === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS) {
    const permission = permissionKey(key);
    if (permission && isHidden(principal, object, permission)) continue;
    const va = display(a?.[key]);
    const vb = display(b?.[key]);
    // a merge keeps the survivor's value of a field the caller may not write, whichever record survives
    const readOnly = permission !== null && fieldAccess(principal, object, permission) !== 'editable';
    fields.push({ key, label, a: va, b: vb, suggested: suggest(va, vb, newer), read_only: readOnly });
  }
  const attrsA = (a?.attributes ?? {}) as Record<string, unknown>;
  const attrsB = (b?.attributes ?? {}) as Record<string, unknown>;
  for (const def of definitions) {
    // hidden custom fields are already absent from both records
    if (!(def.key in attrsA) && !(def.key in attrsB)) continue;
    const va = display(attrsA[def.key]);
    const vb = display(attrsB[def.key]);
    const readOnly = fieldAccess(principal, object, `attributes.${def.key}`) !== 'editable';
    fields.push({ key: `attributes.${def.key}`, label: def.label, a: va, b: vb, suggested: suggest(va, vb, newer), read_only: readOnly });
  }
  return fields;
}

/** The object of a pair in the caller's workspace, or 404. */
export async function pairObject(db: Db | Tx, principal: Principal, id: string): Promise<DedupeObject> {
  const { rows } = await sql<{ object_type: string }>`
    select object_type from duplicate_pairs where workspace_id = ${principal.workspaceId} and id = ${id}`.execute(db);
  const type = rows[0]?.object_type;
  if (!type) throw notFound('Duplicate pair');
  return type === 'contact' ? 'contacts' : 'companies';
}

/** One pair the caller may review (edit on the object, both records visible), as listed. */
export async function loadPair(db: Db | Tx, principal: Principal, id: string): Promise<{ object: DedupeObject; row: PairRow }> {
  const object = await pairObject(db, principal, id);
  assertMayReview(principal, object);
  const { rows } = await sql<PairRow>`
    select ${pairSelect(principal, object)}
    ${pairFrom(principal, object, await bothVisible(db, principal, object), 'merged')}
      and p.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) throw notFound('Duplicate pair');
  return { object, row };
}

/** A pair with its records side by side, for the review screen. */
export async function getDuplicate(db: Db, principal: Principal, id: string): Promise<DuplicatePairJson & { fields: ComparedField[] }> {
  return db.transaction().execute(async (tx) => {
    const { object, row } = await loadPair(tx, principal, id);
    const fields = await comparedFields(tx, principal, object, row.a.id, row.b.id);
    return { ...pairJson(principal, object, row), fields };
  });
}
