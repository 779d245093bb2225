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
import type { Warning } from '../records/warnings.ts';
import { COMPANY_AUDITED } from './company-fields.ts';
import type { CompanyInput, CompanyJson } from './company-schemas.ts';
import { checkOwner, companyColumns, findCompanyDuplicates, selectCompany } from './company-store.ts';
import { prepareCompany, touchedCompanyFields } from './prepare-company.ts';

export async function createCompany(db: Db, principal: Principal, input: CompanyInput): Promise<CompanyJson & { warnings?: Warning[] }> {
  assertFieldsWritable(principal, 'companies', touchedCompanyFields(input));
  const [definitions, region] = await Promise.all([loadFieldDefinitions(db, principal.workspaceId, 'companies'), workspaceRegion(db, principal.workspaceId)]);
  const { values, attributeChanges } = prepareCompany(null, { owner_id: principal.userId, ...input }, { region, definitions });
  return db.transaction().execute(async (tx) => {
    await checkOwner(tx, principal.workspaceId, values.owner_id);
    await checkAttributeWrites(tx, principal.workspaceId, 'companies', null, attributeChanges, definitions);
    const cols = companyColumns(values);
    const { rows } = await sql<{ id: string }>`
      insert into companies (workspace_id, created_by, ${sql.join(cols.names)})
      values (${principal.workspaceId}, ${principal.userId}, ${sql.join(cols.values)})
      returning id::text`.execute(tx).catch(rethrowUnique);
    const id = rows[0]!.id;
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: 'companies',
      recordId: id,
      actorId: principal.userId,
      action: 'create',
      changes: diffFields(null, auditSnapshot(values), auditedFields(COMPANY_AUDITED, values.attributes)),
    });
    const warnings = await findCompanyDuplicates(tx, principal, id, values);
    const json = await selectCompany(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    return { ...json!, ...(warnings.length > 0 ? { warnings } : {}) };
  });
}
