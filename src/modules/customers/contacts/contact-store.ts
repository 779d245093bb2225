import { sql, type RawBuilder } from 'kysely';
import { executeShape, prepared, Slot, type Db, type Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { fieldRulesKey, visibilityPredicate, type ReadContext } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { contactSearchColumns } from '../search/search-document.ts';
import { CONTACT_FROM, contactSelect } from './contact-fields.ts';
import type { ContactJson } from './contact-schemas.ts';
import type { ContactValues } from './prepare-contact.ts';

/** The stored (unmasked) values of a contact, for applying a patch and diffing the audit. */
export async function loadContactValues(tx: Tx, workspaceId: string, id: string): Promise<ContactValues> {
  const { rows } = await sql<ContactValues>`
    select first_name, last_name, display_name, emails, phones, gender, birthday::text as birthday, street, city, region, postcode, country,
           source, lifecycle_stage, value_tier, owner_id::text as owner_id, company_id::text as company_id, consent_email, consent_sms,
           tags, attributes, external_id
    from contacts where workspace_id = ${workspaceId} and id = ${id}`.execute(tx);
  if (!rows[0]) throw notFound('Contact');
  return rows[0];
}

/** Owner and company must live in the caller's workspace. */
export async function checkReferences(tx: Tx, workspaceId: string, values: ContactValues): Promise<void> {
  if (values.owner_id !== null) {
    const { rows } = await sql`select 1 from users where workspace_id = ${workspaceId} and id = ${values.owner_id} and active`.execute(tx);
    if (!rows[0]) throw new AppError('FIELD_VALUE_INVALID', 'The owner is not an active user of this workspace', { field: 'owner_id' });
  }
  if (values.company_id === null) return;
  const { rows } = await sql`select 1 from companies where workspace_id = ${workspaceId} and id = ${values.company_id} and deleted_at is null`.execute(tx);
  if (!rows[0]) throw new AppError('FIELD_VALUE_INVALID', 'The company does not exist in this workspace', { field: 'company_id' });
}

/** Column assignments shared by insert and update, including the search columns the search module defines. */
export function contactColumns(values: ContactValues): { names: RawBuilder<unknown>[]; values: RawBuilder<unknown>[] } {
  const doc = contactSearchColumns({
    displayName: values.display_name,
    firstName: values.first_name,
    lastName: values.last_name,
    emails: values.emails.map((e) => e.value),
    phones: values.phones.map((p) => p.value),
  });
  const pairs: [string, RawBuilder<unknown>][] = [
    ['first_name', sql`${values.first_name}`],
    ['last_name', sql`${values.last_name}`],
    ['display_name', sql`${values.display_name}`],
    ['email', sql`${values.emails[0]?.value ?? null}::citext`],
    ['emails', sql`${JSON.stringify(values.emails)}::jsonb`],
    ['phone', sql`${values.phones[0]?.value ?? null}`],
    ['phones', sql`${JSON.stringify(values.phones)}::jsonb`],
    ['phone_rev', sql`${doc.phone_rev}`],
    ['gender', sql`${values.gender}`],
    ['birthday', sql`${values.birthday}::date`],
    ['street', sql`${values.street}`],
    ['city', sql`${values.city}`],
    ['region', sql`${values.region}`],
    ['postcode', sql`${values.postcode}`],
    ['country', sql`${values.country}`],
    ['source', sql`${values.source}`],
    ['lifecycle_stage', sql`${values.lifecycle_stage}`],
    ['value_tier', sql`${values.value_tier}`],
    ['owner_id', sql`${values.owner_id}::bigint`],
    ['company_id', sql`${values.company_id}::bigint`],
    ['consent_email', sql`${values.consent_email}`],
    ['consent_sms', sql`${values.consent_sms}`],
    ['tags', sql`${values.tags}::text[]`],
    ['attributes', sql`${JSON.stringify(values.attributes)}::jsonb`],
    ['external_id', sql`${values.external_id}`],
    ['search_tokens', sql`array_to_tsvector(${doc.search_tokens}::text[])`],
    ['search_text', sql`${doc.search_text}`],
  ];
  return { names: pairs.map(([n]) => sql.ref(n)), values: pairs.map(([, v]) => v) };
}

/**
 * One contact as JSON for a principal. `visibility` is the read predicate; right after a write the
 * caller passes `true` (the writer may have handed the record to an owner outside their own scope).
 */
const WORKSPACE = new Slot('workspace');
const ID = new Slot('id');
const USER = new Slot('user');
const OWNERS = new Slot('owners');

/**
 * One contact by id as a principal may read it (detail): the hot read, run as a cached statement shape
 * (executeShape). The text depends on the context, the workspace's field definitions (fieldsVersion),
 * the role's field rules and whether the scope is all records; ids, owners and the user are slots.
 */
export async function selectVisibleContact(
  db: Db | Tx,
  principal: Principal,
  definitions: readonly FieldDefinition[],
  ownerIds: string[] | null,
  id: string,
  context: ReadContext,
): Promise<ContactJson | undefined> {
  // without a fields version (a principal not from authentication) the definitions may differ per call
  const key = principal.fieldsVersion === undefined ? null
    : `contact:${context}:${principal.workspaceId}:${principal.fieldsVersion}:${ownerIds === null ? 'all' : 'scoped'}:${fieldRulesKey(principal)}`;
  const { rows } = await executeShape<ContactJson>(db, key, () => {
    const slotted = { ...principal, workspaceId: WORKSPACE, userId: USER } as unknown as Principal;
    const visible = visibilityPredicate('c', 'contacts', slotted, ownerIds === null ? null : (OWNERS as unknown as string[]));
    return contactByIdStatement(principal, definitions, context, WORKSPACE, ID, visible);
  }, { workspace: principal.workspaceId, id, user: principal.userId, owners: ownerIds });
  return rows[0];
}

export async function selectContact(
  db: Db | Tx,
  principal: Principal,
  definitions: readonly FieldDefinition[],
  id: string,
  context: ReadContext,
  visibility: RawBuilder<boolean>,
): Promise<ContactJson | undefined> {
  const { rows } = await contactByIdStatement(principal, definitions, context, principal.workspaceId, id, visibility).execute(db);
  return rows[0];
}

/** The one statement that reads a contact by id, with plain values or with Slot parameters (executeShape). */
function contactByIdStatement(
  principal: Principal,
  definitions: readonly FieldDefinition[],
  context: ReadContext,
  workspaceId: string | Slot,
  id: string | Slot,
  visibility: RawBuilder<boolean>,
): RawBuilder<ContactJson> {
  return prepared(sql<ContactJson>`
    select ${contactSelect(principal, definitions, context)} ${CONTACT_FROM}
    where c.workspace_id = ${workspaceId} and c.id = ${id} and c.deleted_at is null and ${visibility}`);
}
