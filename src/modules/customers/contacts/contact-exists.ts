import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { assertVisible } from '../records/record-access.ts';
import { CONTACT_RECORD } from './contact-fields.ts';

/**
 * For other parts of the module (notes, orders, timeline): throws NOT_FOUND unless the contact is live,
 * in the principal's workspace and visible to them (data scope or collaborator).
 */
export async function contactExists(db: Db | Tx, principal: Principal, contactId: string): Promise<void> {
  await assertVisible(db, principal, CONTACT_RECORD, contactId);
}
