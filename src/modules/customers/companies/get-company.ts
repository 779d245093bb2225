import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { visibilityFor } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { readThroughAlias } from '../records/record-aliases.ts';
import type { CompanyJson } from './company-schemas.ts';
import { selectCompany } from './company-store.ts';

/** One visible company; the id of a merged company answers with the company it was merged into. */
export async function getCompany(db: Db, principal: Principal, id: string): Promise<CompanyJson> {
  const definitions = await fieldDefinitionsFor(db, principal, 'companies');
  const visible = await visibilityFor(db, principal, 'companies', 'co');
  return readThroughAlias(db, principal.workspaceId, 'companies', id, async (target) => {
    const company = await selectCompany(db, principal, definitions, target, 'detail', visible);
    if (!company) throw notFound('Company');
    return company;
  });
}
