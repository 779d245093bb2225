import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { ACTIVITY_COLUMNS, ACTIVITY_FROM, type ActivityJson } from './activity-json.ts';

export type NewActivity = {
  type: ActivityJson['type'];
  subject: string;
  outcome?: string;
  body?: string;
  occurred_at: string;
  duration_minutes?: number;
  contact_id?: string;
  company_id?: string;
};

const AUDITED = ['type', 'subject', 'outcome', 'occurred_at', 'duration_minutes', 'contact_id', 'company_id'] as const;

/**
 * Logs a follow-up (跟进记录). The contact's last_activity_at moves in the same transaction, so
 * segments such as "not contacted for 30 days" never disagree with the activity list.
 */
export async function createActivity(db: Db, principal: Principal, input: NewActivity): Promise<ActivityJson> {
  await assertCustomersVisible(db, principal, { contactId: input.contact_id, companyId: input.company_id });
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`
      insert into activities (workspace_id, type, subject, outcome, body, occurred_at, duration_minutes, contact_id, company_id, owner_id)
      values (${principal.workspaceId}, ${input.type}, ${input.subject}, ${input.outcome ?? null}, ${input.body ?? null}, ${input.occurred_at},
              ${input.duration_minutes ?? null}, ${input.contact_id ?? null}, ${input.company_id ?? null}, ${principal.userId})
      returning id::text`.execute(tx);
    const id = rows[0]!.id;
    if (input.contact_id) {
      await sql`insert into contact_aggregates (workspace_id, contact_id, last_activity_at)
                values (${principal.workspaceId}, ${input.contact_id}, ${input.occurred_at}::timestamptz)
                on conflict (workspace_id, contact_id) do update
                set last_activity_at = greatest(contact_aggregates.last_activity_at, excluded.last_activity_at)`.execute(tx);
    }
    const { rows: created } = await sql<ActivityJson>`select ${ACTIVITY_COLUMNS} from ${ACTIVITY_FROM} where ac.workspace_id = ${principal.workspaceId} and ac.id = ${id}`.execute(tx);
    const activity = created[0]!;
    await recordAudit(tx, {
      workspaceId: principal.workspaceId, objectType: 'activities', recordId: id, actorId: principal.userId, action: 'create',
      changes: diffFields(null, activity, AUDITED),
    });
    return activity;
  });
}
