import { CompiledQuery, sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import type { Db, Tx } from '../db/database.ts';

export type JobContext = {
  jobId: string;
  workspaceId: string;
  userId: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first run; higher when pg-boss retries after a crash — handlers resume from their own checkpoints */
  attempt: number;
  progress: (done: number, total?: number | null, message?: string) => Promise<void>;
  /** true once a user asked to cancel; long handlers check it between batches */
  cancelRequested: () => Promise<boolean>;
  signal: AbortSignal;
};

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown> | void>;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled by a user');
  }
}

type RunRef = { workspaceId: string; jobId: string };

const QUEUE_PREFIX = 'relata.';
const PROGRESS_INTERVAL_MS = 500;

/**
 * Background jobs on pg-boss in the same database: `enqueue` runs inside the caller's transaction,
 * so a job exists exactly when the data that asked for it was committed. Any number of processes may
 * run workers (`relata serve --role worker`); pg-boss hands each job to one of them and retries it
 * when its worker stops sending heartbeats (a killed process).
 */
export class Jobs {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly boss: PgBoss;
  private started = false;
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
    // pg-boss runs its SQL through the application's pool (no second pool, same failover behaviour)
    const adapter = {
      executeSql: async (text: string, values?: unknown[]) => {
        const result = await options.db.executeQuery(CompiledQuery.raw(text, values ?? []));
        return { rows: result.rows as unknown[] };
      },
    };
    this.boss = new PgBoss({ db: adapter, schema: 'pgboss' });
    this.boss.on('error', () => undefined);
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  async start(options: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const kind of this.handlers.keys()) {
      await this.boss.createQueue(QUEUE_PREFIX + kind, { retryLimit: 3, retryDelay: 2, heartbeatSeconds: 30, expireInSeconds: 6 * 3600 });
      if (options.work) {
        await this.boss.work<RunRef>(QUEUE_PREFIX + kind, { localConcurrency: 1 }, async (jobs) => {
          for (const job of jobs) await this.run(kind, job.data, job.signal);
        });
      }
    }
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 10_000 });
    this.started = false;
  }

  /** Records the job and queues it, in the caller's transaction. */
  async enqueue(tx: Tx, input: { workspaceId: string; userId: string | null; kind: string; payload: Record<string, unknown>; total?: number | null }): Promise<string> {
    if (!this.handlers.has(input.kind)) throw new Error(`unknown job kind ${input.kind}`);
    const { rows } = await sql<{ id: string }>`
      insert into job_runs (workspace_id, kind, payload, progress_total, created_by)
      values (${input.workspaceId}, ${input.kind}, ${JSON.stringify(input.payload)}::jsonb, ${input.total ?? null}, ${input.userId})
      returning id::text`.execute(tx);
    const jobId = rows[0]!.id;
    const db = {
      executeSql: async (text: string, values?: unknown[]) => {
        const result = await tx.executeQuery(CompiledQuery.raw(text, values ?? []));
        return { rows: result.rows as unknown[] };
      },
    };
    await this.boss.send(QUEUE_PREFIX + input.kind, { workspaceId: input.workspaceId, jobId } satisfies RunRef, { db });
    return jobId;
  }

  private async run(kind: string, ref: RunRef, signal: AbortSignal): Promise<void> {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler for ${kind}`);
    const { rows } = await sql<{ payload: Record<string, unknown>; created_by: string | null; attempts: number; status: string; cancel_requested: boolean }>`
      update job_runs set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
      where workspace_id = ${ref.workspaceId} and id = ${ref.jobId} and status in ('queued', 'running')
      returning payload, created_by::text, attempts, status, cancel_requested`.execute(this.db);
    const run = rows[0];
    if (!run) return; // finished or cancelled meanwhile
    let lastWrite = 0;
    const ctx: JobContext = {
      jobId: ref.jobId,
      workspaceId: ref.workspaceId,
      userId: run.created_by,
      payload: run.payload,
      attempt: run.attempts,
      signal,
      progress: async (done, total, message) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS && total === undefined) return;
        lastWrite = now;
        await sql`update job_runs set progress_done = ${done}, progress_total = coalesce(${total ?? null}, progress_total),
                    message = coalesce(${message ?? null}, message), heartbeat_at = now()
                  where workspace_id = ${ref.workspaceId} and id = ${ref.jobId}`.execute(this.db);
      },
      cancelRequested: async () => {
        const r = await sql<{ cancel_requested: boolean }>`select cancel_requested from job_runs where workspace_id = ${ref.workspaceId} and id = ${ref.jobId}`.execute(this.db);
        return r.rows[0]?.cancel_requested ?? true;
      },
    };
    try {
      const result = await handler(ctx);
      await sql`update job_runs set status = 'succeeded', result = ${JSON.stringify(result ?? {})}::jsonb, finished_at = now(),
                  progress_done = greatest(progress_done, coalesce(progress_total, progress_done))
                where workspace_id = ${ref.workspaceId} and id = ${ref.jobId}`.execute(this.db);
    } catch (error) {
      const cancelled = error instanceof JobCancelled;
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: unknown }).code;
      await sql`update job_runs set status = ${cancelled ? 'cancelled' : 'failed'}, finished_at = now(),
                  error = ${JSON.stringify({ code: typeof code === 'string' ? code : cancelled ? 'JOB_CANCELLED' : 'JOB_FAILED', message })}::jsonb
                where workspace_id = ${ref.workspaceId} and id = ${ref.jobId}`.execute(this.db);
      // a job that failed on its data is final; retrying would only repeat the failure
    }
  }
}
