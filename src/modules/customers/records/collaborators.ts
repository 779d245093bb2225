import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertVisible, lockForWrite } from './record-access.ts';
import { readThroughAlias } from './record-aliases.ts';
import type { RecordType } from './record-type.ts';

export type Collaborator = {
  user_id: string;
  user_name: string;
  access: 'read' | 'write';
  expires_at: string | null;
  expired: boolean;
  created_at: string;
};

const COLUMNS = sql`rc.user_id::text, u.name as user_name, rc.access, to_json(rc.expires_at)#>>'{}' as expires_at,
  (rc.expires_at is not null and rc.expires_at <= now()) as expired, to_json(rc.created_at)#>>'{}' as created_at`;

/** Who a record is shared with (协作人); anyone who sees the record may see the list. */
export async function listCollaborators(db: Db, principal: Principal, type: RecordType, requestedId: string): Promise<Collaborator[]> {
  const id = await readThroughAlias(db, principal.workspaceId, type.object, requestedId, async (target) => {
    await assertVisible(db, principal, type, target);
    return target;
  });
  const { rows } = await sql<Collaborator>`
    select ${COLUMNS} from record_collaborators rc join users u on u.workspace_id = rc.workspace_id and u.id = rc.user_id
    where rc.workspace_id = ${principal.workspaceId} and rc.object_type = ${type.object} and rc.record_id = ${id}
    order by u.name, rc.user_id`.execute(db);
  return rows;
}

/**
 * Shares a record with a user, read or read-write, optionally until a time. Only someone who may edit the
 * record can share it (a read-only collaborator cannot widen access). Sharing again replaces the share.
 */
export async function addCollaborator(
  db: Db,
  principal: Principal,
  type: RecordType,
  id: string,
  input: { user_id: string; access: 'read' | 'write'; expires_at?: string | null },
): Promise<Collaborator> {
  const expiresAt = input.expires_at ?? null;
  if (expiresAt !== null && Number.isNaN(Date.parse(expiresAt))) {
    throw new AppError('FIELD_VALUE_INVALID', 'expires_at must be an ISO timestamp', { field: 'expires_at' });
  }
  return db.transaction().execute(async (tx) => {
    await lockForWrite(tx, principal, type, id);
    const user = await sql`select 1 from users where workspace_id = ${principal.workspaceId} and id = ${input.user_id} and active`.execute(tx);
    if (!user.rows[0]) throw new AppError('FIELD_VALUE_INVALID', 'The user is not an active user of this workspace', { field: 'user_id' });
    const { rows: before } = await sql<{ access: string }>`
      select access from record_collaborators
      where workspace_id = ${principal.workspaceId} and object_type = ${type.object} and record_id = ${id} and user_id = ${input.user_id}`.execute(tx);
    await sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access, expires_at, created_by)
      values (${principal.workspaceId}, ${type.object}, ${id}, ${input.user_id}, ${input.access}, ${expiresAt}::timestamptz, ${principal.userId})
      on conflict (workspace_id, object_type, record_id, user_id)
      do update set access = excluded.access, expires_at = excluded.expires_at`.execute(tx);
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: type.object,
      recordId: id,
      actorId: principal.userId,
      action: 'share',
      changes: { [`collaborators.${input.user_id}`]: [before[0]?.access ?? null, input.access] },
    });
    const { rows } = await sql<Collaborator>`
      select ${COLUMNS} from record_collaborators rc join users u on u.workspace_id = rc.workspace_id and u.id = rc.user_id
      where rc.workspace_id = ${principal.workspaceId} and rc.object_type = ${type.object} and rc.record_id = ${id} and rc.user_id = ${input.user_id}`.execute(tx);
    return rows[0]!;
  });
}

export async function removeCollaborator(db: Db, principal: Principal, type: RecordType, id: string, userId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockForWrite(tx, principal, type, id);
    const { rows } = await sql<{ access: string }>`
      delete from record_collaborators
      where workspace_id = ${principal.workspaceId} and object_type = ${type.object} and record_id = ${id} and user_id = ${userId}
      returning access`.execute(tx);
    if (!rows[0]) throw notFound('Collaborator');
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: type.object,
      recordId: id,
      actorId: principal.userId,
      action: 'unshare',
      changes: { [`collaborators.${userId}`]: [rows[0].access, null] },
    });
  });
}
