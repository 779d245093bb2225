import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { unmaskedField } from '../../accounts/index.ts';
import type { Warning } from '../records/warnings.ts';
import type { ContactValues } from './prepare-contact.ts';

/**
 * 查重: other live contacts in the workspace — visible to the caller or not — with the same email or
 * E.164 phone. The warning names the record and its owner (unless the role hides owners), never the
 * matching value, so it cannot unmask a field. Uses the (workspace_id, email) and (workspace_id, phone) indexes.
 */
export async function findContactDuplicates(tx: Tx, principal: Principal, id: string, values: ContactValues): Promise<Warning[]> {
  const workspaceId = principal.workspaceId;
  const emails = values.emails.map((e) => e.value);
  const phones = values.phones.map((p) => p.value);
  if (emails.length === 0 && phones.length === 0) return [];
  const { rows } = await sql<{ id: string; owner_name: string | null; same_email: boolean; same_phone: boolean }>`
    select c.id::text, ${unmaskedField(principal, 'contacts', 'owner_id', sql`u.name`)} as owner_name,
           coalesce(c.email = any(${emails}::citext[]), false) as same_email,
           coalesce(c.phone = any(${phones}::text[]), false) as same_phone
    from contacts c left join users u on u.workspace_id = c.workspace_id and u.id = c.owner_id
    where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.id <> ${id}
      and (c.email = any(${emails}::citext[]) or c.phone = any(${phones}::text[]))
    order by c.id
    limit 5`.execute(tx);
  return rows.map((r) => ({
    code: 'DUPLICATE_SUSPECTED',
    message: 'A contact with the same email or phone already exists',
    details: { record_id: r.id, reasons: [...(r.same_email ? ['same email'] : []), ...(r.same_phone ? ['same phone'] : [])], owner_name: r.owner_name },
  }));
}
