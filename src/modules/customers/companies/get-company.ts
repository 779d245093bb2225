import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { visibilityFor } from '../../accounts/index.ts';
import { loadFieldDefinitions } from '../fields/field-definitions.ts';
import type { CompanyJson } from './company-schemas.ts';
import { selectCompany } from './company-store.ts';

export async function getCompany(db: Db, principal: Principal, id: string): Promise<CompanyJson> {
  const definitions = await loadFieldDefinitions(db, principal.workspaceId, 'companies');
  const visible = await visibilityFor(db, principal, 'companies', 'co');
  const company = await selectCompany(db, principal, definitions, id, 'detail', visible);
  if (!company) throw notFound('Company');
  return company;
}
