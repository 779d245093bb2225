import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { readThroughAlias } from '../records/record-aliases.ts';
import type { ContactJson } from './contact-schemas.ts';
import { selectVisibleContact } from './contact-store.ts';

/**
 * One visible contact; another workspace's id or an invisible one is a 404, never a 403 that confirms it exists.
 * The id of a merged contact answers with the contact it was merged into (if that one is visible).
 */
export async function getContact(db: Db, principal: Principal, id: string): Promise<ContactJson> {
  const definitions = await fieldDefinitionsFor(db, principal, 'contacts');
  const ownerIds = await visibleOwnerIds(db, principal, 'contacts');
  return readThroughAlias(db, principal.workspaceId, 'contacts', id, async (target) => {
    const contact = await selectVisibleContact(db, principal, definitions, ownerIds, target, 'detail');
    if (!contact) throw notFound('Contact');
    return contact;
  });
}
