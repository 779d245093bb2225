import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { findWorkspace, type WorkspaceJson } from './workspace-json.ts';
import { checkWorkspaceSettings, type Locale } from './workspace-settings.ts';

export type WorkspacePatch = { name?: string; timezone?: string; currency?: string; default_region?: string; locale?: Locale; version?: number };

const FIELDS = ['name', 'timezone', 'currency', 'default_region', 'locale'] as const;

export async function updateWorkspace(db: Db, principal: Principal, patch: WorkspacePatch): Promise<WorkspaceJson> {
  const clean = checkWorkspaceSettings(patch);
  return db.transaction().execute(async (tx) => {
    const before = await findWorkspace(tx, principal.workspaceId, { forUpdate: true });
    if (!before) throw notFound('Workspace');
    const after = {
      name: clean.name?.trim() ?? before.name,
      timezone: clean.timezone ?? before.timezone,
      currency: clean.currency ?? before.currency,
      default_region: clean.default_region ?? before.default_region,
      locale: clean.locale ?? before.locale,
    };
    if (after.name === '') throw new AppError('FIELD_REQUIRED', 'The workspace needs a name', { field: 'name' });
    const changes = diffFields(before, after, FIELDS);
    if (Object.keys(changes).length === 0 && patch.version === undefined) return before;
    // the row is locked above, so an update that matches nothing can only mean a stale version
    const { rows } = await sql<{ id: string }>`
      update workspaces set name = ${after.name}, timezone = ${after.timezone}, currency = ${after.currency},
             default_region = ${after.default_region}, locale = ${after.locale}, version = version + 1, updated_at = now()
      where id = ${principal.workspaceId} and version = ${patch.version ?? before.version}
      returning id::text`.execute(tx);
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', 'The workspace settings changed since you read them', { version: before.version });
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'workspace', recordId: principal.workspaceId, actorId: principal.userId, action: 'update', changes });
    const updated = await findWorkspace(tx, principal.workspaceId);
    if (!updated) throw notFound('Workspace');
    return updated;
  });
}
