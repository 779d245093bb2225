import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../db/database.ts';
import { can, principalOf, type Principal } from '../http/access.ts';
import { notFound } from '../http/errors.ts';

export const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  progress: Type.Object({ done: Type.Number(), total: Type.Union([Type.Number(), Type.Null()]) }),
  rows_per_second: Type.Union([Type.Number(), Type.Null()]),
  eta_seconds: Type.Union([Type.Number(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  attempts: Type.Number(),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  started_at: Type.Union([Type.String(), Type.Null()]),
  finished_at: Type.Union([Type.String(), Type.Null()]),
});
export type JobJson = Static<typeof JobSchema>;

type JobRow = {
  id: string; kind: string; status: string; progress_done: string; progress_total: string | null; message: string | null;
  result: Record<string, unknown> | null; error: { code: string; message: string } | null; attempts: number;
  created_by: string | null; created_at: string; started_at: string | null; finished_at: string | null; elapsed: number | null;
};

function toJson(r: JobRow): JobJson {
  const done = Number(r.progress_done);
  const total = r.progress_total === null ? null : Number(r.progress_total);
  const rate = r.elapsed && r.elapsed > 0 ? done / r.elapsed : null;
  const eta = rate && total !== null && r.status === 'running' ? Math.max(0, (total - done) / rate) : null;
  return {
    id: r.id, kind: r.kind, status: r.status, progress: { done, total },
    rows_per_second: rate === null ? null : Math.round(rate), eta_seconds: eta === null ? null : Math.round(eta),
    message: r.message, result: r.result, error: r.error, attempts: r.attempts, created_by: r.created_by,
    created_at: r.created_at, started_at: r.started_at, finished_at: r.finished_at,
  };
}

const SELECT = sql`select id::text, kind, status, progress_done::text, progress_total::text, message, result, error, attempts,
  created_by::text, to_json(created_at)#>>'{}' as created_at, to_json(started_at)#>>'{}' as started_at, to_json(finished_at)#>>'{}' as finished_at,
  extract(epoch from coalesce(finished_at, now()) - started_at)::float8 as elapsed from job_runs`;

/** A user sees their own jobs; whoever may view settings sees the workspace's. */
function ownership(p: Principal) {
  return can(p, 'settings', 'view') ? sql`true` : sql`created_by = ${p.userId}`;
}

export function jobsRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/jobs', {
      config: { access: { authenticated: true } },
      schema: { tags: ['jobs'], querystring: Type.Object({ kind: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }), response: { 200: Type.Object({ data: Type.Array(JobSchema) }) } },
    }, async (request) => {
      const p = principalOf(request);
      const { rows } = await sql<JobRow>`${SELECT} where workspace_id = ${p.workspaceId} and ${ownership(p)}
        ${request.query.kind ? sql`and kind = ${request.query.kind}` : sql``} order by created_at desc limit ${request.query.limit ?? 50}`.execute(db);
      return { data: rows.map(toJson) };
    });

    app.get('/jobs/:id', {
      config: { access: { authenticated: true } },
      schema: { tags: ['jobs'], params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }), response: { 200: JobSchema } },
    }, async (request) => {
      const p = principalOf(request);
      const { rows } = await sql<JobRow>`${SELECT} where workspace_id = ${p.workspaceId} and id = ${request.params.id} and ${ownership(p)}`.execute(db);
      if (!rows[0]) throw notFound('Job');
      return toJson(rows[0]);
    });

    app.post('/jobs/:id/cancel', {
      config: { access: { authenticated: true } },
      schema: { tags: ['jobs'], params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }), response: { 200: JobSchema } },
    }, async (request) => {
      const p = principalOf(request);
      await sql`update job_runs set cancel_requested = true,
                  status = case when status = 'queued' then 'cancelled' else status end,
                  finished_at = case when status = 'queued' then now() else finished_at end
                where workspace_id = ${p.workspaceId} and id = ${request.params.id} and ${ownership(p)} and status in ('queued', 'running')`.execute(db);
      const { rows } = await sql<JobRow>`${SELECT} where workspace_id = ${p.workspaceId} and id = ${request.params.id} and ${ownership(p)}`.execute(db);
      if (!rows[0]) throw notFound('Job');
      return toJson(rows[0]);
    });
  };
}
