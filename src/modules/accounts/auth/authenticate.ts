import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { prepared, type Db } from '../../../platform/db/database.ts';
import type { Permissions, Principal } from '../../../platform/http/access.ts';
import { OWNER_SETS_SQL, ownerSetsOf } from '../owner-sets.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { API_KEY_PREFIX, SESSION_COOKIE, sha256 } from './tokens.ts';

type PrincipalRow = {
  workspace_id: string;
  user_id: string;
  role_id: string;
  role_key: string;
  department_id: string | null;
  permissions: Permissions;
  csrf_token: string | null;
  scopes: string[] | null;
  active: boolean;
  subordinates: string[] | null;
  department: string[] | null;
  department_tree: string[] | null;
  fields_version: string;
};

/** Resolves the caller from the session cookie or a Bearer API key; one indexed lookup either way. */
export function makeAuthenticator(db: Db) {
  return async function authenticate(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const key = header.slice('Bearer '.length).trim();
      if (!key.startsWith(API_KEY_PREFIX)) throw new AppError('API_KEY_INVALID', 'The API key is malformed');
      // last_used_at is written at most once a minute per key: a write on every request would make each
      // GET of an integration wait for a WAL flush (a read-only statement commits without one)
      const { rows } = await prepared(sql<PrincipalRow>`
        with k as (
          select k.workspace_id, k.id, k.user_id, k.scopes, k.last_used_at from api_keys k
          where k.key_hash = ${sha256(key)} and k.revoked_at is null
        ), touched as (
          update api_keys t set last_used_at = now() from k
          where t.workspace_id = k.workspace_id and t.id = k.id
            and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute')
        )
        select k.workspace_id::text, u.id::text as user_id, r.id::text as role_id, r.key as role_key,
               u.department_id::text, r.permissions, null as csrf_token, k.scopes, u.active, w.fields_version::text,
               ${OWNER_SETS_SQL}
        from k
        join users u on u.workspace_id = k.workspace_id and u.id = k.user_id
        join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
        join workspaces w on w.id = u.workspace_id`).execute(db);
      const row = rows[0];
      if (!row || !row.active) throw new AppError('API_KEY_INVALID', 'The API key is unknown, revoked, or its user is inactive');
      return toPrincipal(row, 'api_key');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const { rows } = await prepared(sql<PrincipalRow>`
      select s.workspace_id::text, u.id::text as user_id, r.id::text as role_id, r.key as role_key,
             u.department_id::text, r.permissions, s.csrf_token, null as scopes, u.active, w.fields_version::text,
             ${OWNER_SETS_SQL}
      from sessions s
      join users u on u.workspace_id = s.workspace_id and u.id = s.user_id
      join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
      join workspaces w on w.id = s.workspace_id
      where s.token_hash = ${sha256(token)} and s.expires_at > now()`).execute(db);
    const row = rows[0];
    if (!row || !row.active) return null;
    return toPrincipal(row, 'session');
  };
}

function toPrincipal(row: PrincipalRow, via: Principal['via']): Principal {
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    roleId: row.role_id,
    roleKey: row.role_key,
    departmentId: row.department_id,
    permissions: { objects: row.permissions.objects ?? {}, fields: row.permissions.fields ?? {}, masks: row.permissions.masks ?? {} },
    via,
    scopes: row.scopes ?? [],
    csrfToken: row.csrf_token,
    ownerSets: ownerSetsOf(row),
    fieldsVersion: row.fields_version,
  };
}
