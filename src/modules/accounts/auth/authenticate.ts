import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { prepared, type Db } from '../../../platform/db/database.ts';
import type { Permissions, Principal } from '../../../platform/http/access.ts';
import { OWNER_SETS_SQL, ownerSetsOf } from '../owner-sets.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PrincipalCache } from './principal-cache.ts';
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
  /** the session's end, epoch milliseconds (null for an API key) */
  ends_at: number | null;
};

/**
 * Resolves the caller from the session cookie or a Bearer API key; one indexed lookup either way, or
 * none when `cache` holds the principal (principal-cache.ts, ADR 18).
 */
export function makeAuthenticator(db: Db, cache: PrincipalCache | null = null) {
  return async function authenticate(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const key = header.slice('Bearer '.length).trim();
      if (!key.startsWith(API_KEY_PREFIX)) throw new AppError('API_KEY_INVALID', 'The API key is malformed');
      const { hash, cached, remember } = lookUp(cache, 'k', key);
      if (cached) return cached;
      // last_used_at is written at most once a minute per key: a write on every request would make each
      // GET of an integration wait for a WAL flush (a read-only statement commits without one)
      const { rows } = await prepared(sql<PrincipalRow>`
        with k as (
          select k.workspace_id, k.id, k.user_id, k.scopes, k.last_used_at from api_keys k
          where k.key_hash = ${hash} and k.revoked_at is null
        ), touched as (
          update api_keys t set last_used_at = now() from k
          where t.workspace_id = k.workspace_id and t.id = k.id
            and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute')
        )
        select k.workspace_id::text, u.id::text as user_id, r.id::text as role_id, r.key as role_key,
               u.department_id::text, r.permissions, null as csrf_token, k.scopes, u.active, w.fields_version::text,
               null::float8 as ends_at, ${OWNER_SETS_SQL}
        from k
        join users u on u.workspace_id = k.workspace_id and u.id = k.user_id
        join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
        join workspaces w on w.id = u.workspace_id`).execute(db);
      const row = rows[0];
      if (!row || !row.active) throw new AppError('API_KEY_INVALID', 'The API key is unknown, revoked, or its user is inactive');
      return remember(row, 'api_key');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const { hash, cached, remember } = lookUp(cache, 's', token);
    if (cached) return cached;
    const { rows } = await prepared(sql<PrincipalRow>`
      select s.workspace_id::text, u.id::text as user_id, r.id::text as role_id, r.key as role_key,
             u.department_id::text, r.permissions, s.csrf_token, null as scopes, u.active, w.fields_version::text,
             (extract(epoch from s.expires_at) * 1000)::float8 as ends_at, ${OWNER_SETS_SQL}
      from sessions s
      join users u on u.workspace_id = s.workspace_id and u.id = s.user_id
      join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
      join workspaces w on w.id = s.workspace_id
      where s.token_hash = ${hash} and s.expires_at > now()`).execute(db);
    const row = rows[0];
    if (!row || !row.active) return null;
    return remember(row, 'session');
  };
}

/**
 * The token's hash, the cached principal if any, and how to store the one read from the database: under
 * the cache generation of this moment, so a change notified while the statement ran is not stored.
 */
function lookUp(cache: PrincipalCache | null, kind: 'k' | 's', secret: string) {
  const hash = sha256(secret);
  const key = `${kind}:${hash.toString('hex')}`;
  const generation = cache?.current() ?? 0;
  return {
    hash,
    cached: cache?.get(key),
    remember(row: PrincipalRow, via: Principal['via']): Principal {
      const principal = toPrincipal(row, via);
      cache?.set(key, principal, generation, row.ends_at);
      return principal;
    },
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
