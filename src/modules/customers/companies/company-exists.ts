import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { assertVisible } from '../records/record-access.ts';
import { COMPANY_RECORD } from './company-fields.ts';

/** Throws NOT_FOUND unless the company is live, in the principal's workspace and visible to them. */
export async function companyExists(db: Db | Tx, principal: Principal, companyId: string): Promise<void> {
  await assertVisible(db, principal, COMPANY_RECORD, companyId);
}
