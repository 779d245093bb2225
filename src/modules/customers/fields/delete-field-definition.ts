import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { FIELD_PURGE_JOB_KIND } from './purge-field-values.ts';

type Target = { object: string; key: string; type: string; retired: boolean; job_id: string | null; job_active: boolean };

/**
 * Deletes a custom field in two steps. This transaction retires the definition — it leaves every field
 * list, filter, form, validation and read at once (loadFieldDefinitions, readableAttributes) — audits the
 * deletion and queues the job that strips its values from the records in batches and then deletes the row
 * (purge-field-values.ts). One UPDATE of millions of rows would hold their locks for the whole request.
 *
 * Deleting a retired field again is how a cancelled or failed job is resumed: while its job is queued or
 * running the answer is that job, otherwise a new one is queued (no second audit row: the field was
 * deleted once).
 */
export async function deleteFieldDefinition(db: Db, jobs: Jobs, principal: Principal, id: string): Promise<{ job_id: string }> {
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<Target>`
      select d.object_type as object, d.key, d.type, d.retired_at is not null as retired, d.cleanup_job_id::text as job_id,
             coalesce(j.status in ('queued', 'running'), false) as job_active
      from field_definitions d
      left join job_runs j on j.workspace_id = d.workspace_id and j.id = d.cleanup_job_id
      where d.workspace_id = ${ws} and d.id = ${id}
      for update of d`.execute(tx);
    const field = rows[0];
    if (!field) throw notFound('Custom field');
    if (field.retired && field.job_id !== null && field.job_active) return { job_id: field.job_id };
    const jobId = await jobs.enqueue(tx, { workspaceId: ws, userId: principal.userId, kind: FIELD_PURGE_JOB_KIND, payload: { field_id: id } });
    await sql`update field_definitions set retired_at = coalesce(retired_at, now()), cleanup_job_id = ${jobId}
              where workspace_id = ${ws} and id = ${id}`.execute(tx);
    if (!field.retired) {
      await recordAudit(tx, {
        workspaceId: ws,
        objectType: 'field_definitions',
        recordId: id,
        actorId: principal.userId,
        action: 'delete',
        changes: { key: [field.key, null], object: [field.object, null], type: [field.type, null] },
      });
    }
    return { job_id: jobId };
  });
}
