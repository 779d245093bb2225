import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type pg from 'pg';
import { searchRecords } from '../src/modules/customers/index.ts';
import type { Permissions, Principal } from '../src/platform/http/access.ts';

export type SearchPlan = { q: string; hits: number; statements: { execution_ms: number; plan: string[] }[] };

/**
 * EXPLAIN ANALYZE of the statements search really runs for a user: they are captured from Kysely's query
 * log while searchRecords executes, then explained with the same parameters.
 */
export async function explainSearches(pool: pg.Pool, userId: string, workspaceId: string, queries: string[]): Promise<SearchPlan[]> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }), log: (event) => void (event.level === 'query' && captured.push(event.query)) });
  const principal = await principalFor(db, workspaceId, userId);
  const plans: SearchPlan[] = [];
  for (const q of queries) {
    captured.length = 0;
    await searchRecords(db, principal, q, 10); // warm
    captured.length = 0;
    const hits = await searchRecords(db, principal, q, 10);
    const statements = [];
    for (const query of captured.filter((c) => c.sql.includes('search_tokens') || c.sql.includes('search_text'))) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${query.sql}`, [...query.parameters]);
      const plan = rows.map((r) => r['QUERY PLAN']);
      const time = plan.find((l) => l.startsWith('Execution Time'));
      statements.push({ execution_ms: time ? Number(/([\d.]+) ms/.exec(time)?.[1] ?? 0) : 0, plan });
    }
    plans.push({ q, hits: hits.length, statements });
  }
  return plans;
}

async function principalFor(db: Kysely<object>, workspaceId: string, userId: string): Promise<Principal> {
  const { rows } = await sql<{ role_id: string; role_key: string; department_id: string | null; permissions: Permissions }>`
    select r.id::text as role_id, r.key as role_key, u.department_id::text, r.permissions
    from users u join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
    where u.workspace_id = ${workspaceId} and u.id = ${userId}`.execute(db);
  const row = rows[0]!;
  return {
    workspaceId, userId, roleId: row.role_id, roleKey: row.role_key, departmentId: row.department_id,
    permissions: { objects: row.permissions.objects ?? {}, fields: row.permissions.fields ?? {}, masks: row.permissions.masks ?? {} },
    via: 'session', scopes: [], csrfToken: null,
  };
}
