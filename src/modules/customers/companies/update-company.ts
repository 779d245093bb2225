import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertFieldsWritable } from '../../accounts/index.ts';
import { rethrowUnique } from '../records/external-id-conflict.ts';
import { workspaceRegion } from '../normalize/workspace-region.ts';
import { checkAttributeWrites } from '../fields/check-attribute-writes.ts';
import { loadFieldDefinitions } from '../fields/field-definitions.ts';
import { auditedFields, auditSnapshot } from '../records/audit-snapshot.ts';
import { lockForWrite } from '../records/record-access.ts';
import type { Warning } from '../records/warnings.ts';
import { COMPANY_AUDITED, COMPANY_RECORD } from './company-fields.ts';
import type { CompanyJson, CompanyPatch } from './company-schemas.ts';
import { checkOwner, companyColumns, findCompanyDuplicates, loadCompanyValues, selectCompany } from './company-store.ts';
import { prepareCompany, touchedCompanyFields } from './prepare-company.ts';

export async function updateCompany(db: Db, principal: Principal, id: string, patch: CompanyPatch): Promise<CompanyJson & { warnings?: Warning[] }> {
  const { version, ...input } = patch;
  assertFieldsWritable(principal, 'companies', touchedCompanyFields(input));
  const [definitions, region] = await Promise.all([loadFieldDefinitions(db, principal.workspaceId, 'companies'), workspaceRegion(db, principal.workspaceId)]);
  return db.transaction().execute(async (tx) => {
    await lockForWrite(tx, principal, COMPANY_RECORD, id, version);
    const current = await loadCompanyValues(tx, principal.workspaceId, id);
    const { values, attributeChanges } = prepareCompany(current, input, { region, definitions });
    await checkOwner(tx, principal.workspaceId, values.owner_id);
    await checkAttributeWrites(tx, principal.workspaceId, 'companies', id, attributeChanges, definitions);
    const changes = diffFields(auditSnapshot(current), auditSnapshot(values), auditedFields(COMPANY_AUDITED, current.attributes, values.attributes));
    if (Object.keys(changes).length > 0) {
      const cols = companyColumns(values);
      const assignments = cols.names.map((name, i) => sql`${name} = ${cols.values[i]!}`);
      await sql`update companies set ${sql.join(assignments)}, version = version + 1, updated_at = now()
                where workspace_id = ${principal.workspaceId} and id = ${id} and version = ${version}`.execute(tx).catch(rethrowUnique);
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'companies', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    const dedupeKeys = ['name', 'domain', 'email', 'phone'];
    const warnings = dedupeKeys.some((k) => k in changes) ? await findCompanyDuplicates(tx, principal, id, values) : [];
    const json = await selectCompany(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    return { ...json!, ...(warnings.length > 0 ? { warnings } : {}) };
  });
}
