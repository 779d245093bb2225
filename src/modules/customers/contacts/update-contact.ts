import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertFieldsWritable } from '../../accounts/index.ts';
import { checkAttributeWrites } from '../fields/check-attribute-writes.ts';
import { loadFieldDefinitions } from '../fields/field-definitions.ts';
import { lockForWrite } from '../records/record-access.ts';
import type { Warning } from '../records/warnings.ts';
import { CONTACT_AUDITED, CONTACT_RECORD } from './contact-fields.ts';
import type { ContactJson, ContactPatch } from './contact-schemas.ts';
import { checkReferences, contactColumns, loadContactValues, selectContact } from './contact-store.ts';
import { rethrowUnique } from '../records/external-id-conflict.ts';
import { workspaceRegion } from '../normalize/workspace-region.ts';
import { findContactDuplicates } from './find-contact-duplicates.ts';
import { prepareContact, touchedFields } from './prepare-contact.ts';
import { auditedFields, auditSnapshot } from '../records/audit-snapshot.ts';

/**
 * PATCH with optimistic locking: the row is locked, its version compared, then written with
 * `version = version + 1`. Only changed fields reach the audit log.
 */
export async function updateContact(db: Db, principal: Principal, id: string, patch: ContactPatch): Promise<ContactJson & { warnings?: Warning[] }> {
  const { version, ...input } = patch;
  assertFieldsWritable(principal, 'contacts', touchedFields(input));
  const [definitions, region] = await Promise.all([loadFieldDefinitions(db, principal.workspaceId, 'contacts'), workspaceRegion(db, principal.workspaceId)]);
  return db.transaction().execute(async (tx) => {
    await lockForWrite(tx, principal, CONTACT_RECORD, id, version);
    const current = await loadContactValues(tx, principal.workspaceId, id);
    const { values, attributeChanges } = prepareContact(current, input, { region, definitions });
    await checkReferences(tx, principal.workspaceId, values);
    await checkAttributeWrites(tx, principal.workspaceId, 'contacts', id, attributeChanges, definitions);
    const before = auditSnapshot(current);
    const after = auditSnapshot(values);
    const changes = diffFields(before, after, auditedFields(CONTACT_AUDITED, current.attributes, values.attributes));
    if (Object.keys(changes).length > 0) {
      const cols = contactColumns(values);
      const assignments = cols.names.map((name, i) => sql`${name} = ${cols.values[i]!}`);
      await sql`update contacts set ${sql.join(assignments)}, version = version + 1, updated_at = now()
                where workspace_id = ${principal.workspaceId} and id = ${id} and version = ${version}`.execute(tx).catch(rethrowUnique);
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'contacts', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    const warnings = changes.emails || changes.phones ? await findContactDuplicates(tx, principal, id, values) : [];
    const json = await selectContact(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    return { ...json!, ...(warnings.length > 0 ? { warnings } : {}) };
  });
}
