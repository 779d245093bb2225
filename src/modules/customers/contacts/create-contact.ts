import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertFieldsWritable } from '../../accounts/index.ts';
import { checkAttributeWrites } from '../fields/check-attribute-writes.ts';
import { loadFieldDefinitions } from '../fields/field-definitions.ts';
import type { Warning } from '../records/warnings.ts';
import { CONTACT_AUDITED } from './contact-fields.ts';
import type { ContactInput, ContactJson } from './contact-schemas.ts';
import { checkReferences, contactColumns, selectContact } from './contact-store.ts';
import { rethrowUnique } from '../records/external-id-conflict.ts';
import { workspaceRegion } from '../normalize/workspace-region.ts';
import { findContactDuplicates } from './find-contact-duplicates.ts';
import { prepareContact, touchedFields } from './prepare-contact.ts';
import { auditedFields, auditSnapshot } from '../records/audit-snapshot.ts';

/** Creates a contact owned by the creator unless another owner is given; warns (does not refuse) on likely duplicates. */
export async function createContact(db: Db, principal: Principal, input: ContactInput): Promise<ContactJson & { warnings?: Warning[] }> {
  assertFieldsWritable(principal, 'contacts', touchedFields(input));
  const [definitions, region] = await Promise.all([loadFieldDefinitions(db, principal.workspaceId, 'contacts'), workspaceRegion(db, principal.workspaceId)]);
  const { values, attributeChanges } = prepareContact(null, { owner_id: principal.userId, ...input }, { region, definitions });
  return db.transaction().execute(async (tx) => {
    await checkReferences(tx, principal.workspaceId, values);
    await checkAttributeWrites(tx, principal.workspaceId, 'contacts', null, attributeChanges, definitions);
    const cols = contactColumns(values);
    const { rows } = await sql<{ id: string }>`
      insert into contacts (workspace_id, created_by, ${sql.join(cols.names)})
      values (${principal.workspaceId}, ${principal.userId}, ${sql.join(cols.values)})
      returning id::text`.execute(tx).catch(rethrowUnique);
    const id = rows[0]!.id;
    // the orders module keeps this row current; it must exist from the start so its updates stay simple UPDATEs
    await sql`insert into contact_aggregates (workspace_id, contact_id) values (${principal.workspaceId}, ${id}) on conflict do nothing`.execute(tx);
    const after = auditSnapshot(values);
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: 'contacts',
      recordId: id,
      actorId: principal.userId,
      action: 'create',
      changes: diffFields(null, after, auditedFields(CONTACT_AUDITED, values.attributes)),
    });
    const warnings = await findContactDuplicates(tx, principal, id, values);
    const json = await selectContact(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    return { ...json!, ...(warnings.length > 0 ? { warnings } : {}) };
  });
}
