import type pg from 'pg';
import { copyRows } from '../../../platform/db/copy-rows.ts';
import { poolOf, type Db } from '../../../platform/db/database.ts';
import { JobCancelled } from '../../../platform/jobs/jobs.ts';
import { buildBlockingKeys } from './blocking-keys.ts';
import { buildCandidatePairs } from './candidate-pairs.ts';
import { recordJsonSql, toComparable } from './comparable-records.ts';
import { loadCustomComparisons, loadDedupeSettings, objectType, scoringModel, type DedupeObject } from './dedupe-settings.ts';
import { scorePair, type Comparable, type Reason } from './score-pair.ts';

export type ScanPhase = 'blocking' | 'scoring' | 'saving';

export type ScanOptions = {
  workspaceId: string;
  object: DedupeObject;
  /** the job that runs the scan, recorded on the pairs it proposes */
  jobId?: string | null;
  onProgress?: (done: number, total: number, phase: ScanPhase) => Promise<void> | void;
  cancelRequested?: () => Promise<boolean>;
};

export type ScanResult = {
  object: DedupeObject;
  threshold: number;
  keys: number;
  candidates: number;
  /** open pairs after the scan */
  pairs: number;
  new_pairs: number;
  removed_pairs: number;
  /** wall-clock seconds of the whole scan */
  seconds: number;
  phase_seconds: { blocking: number; scoring: number; saving: number };
};

/** pg advisory-lock namespace of scans: one scan per workspace and object at a time (a second one waits). */
const LOCK_NAMESPACE = 7_120_001;
const FETCH_ROWS = 5_000;
/** parsed records kept between batches: a record is usually a candidate with several others */
const CACHE_MAX = 100_000;

type Found = { a: string; b: string; score: number; reasons: Reason[] };

/**
 * Scans one workspace's contacts or companies for duplicates: blocking keys and candidate pairs in SQL
 * (set-based, in one repeatable-read transaction so every phase sees the same data), the candidates
 * streamed through a cursor with both records' comparison fields and scored in TypeScript, then the
 * pairs at or above the threshold written back in one transaction: new pairs inserted, open pairs
 * rescored, open pairs no longer found removed; dismissed and merged pairs are never touched.
 */
export async function scanDuplicates(db: Db, options: ScanOptions): Promise<ScanResult> {
  const { workspaceId, object } = options;
  const started = Date.now();
  const [settings, custom] = await Promise.all([loadDedupeSettings(db, workspaceId, object), loadCustomComparisons(db, workspaceId, object)]);
  const model = scoringModel(settings, custom);
  const identifierKeys = custom.filter((c) => c.identifier).map((c) => c.key);
  const comparedKeys = model.rules.filter((r) => r.field.startsWith('attributes.')).map((r) => r.field.slice('attributes.'.length));
  const type = objectType(object);
  const client = await poolOf(db).connect();
  try {
    await client.query('select pg_advisory_lock($1, hashtext($2))', [LOCK_NAMESPACE, `${workspaceId}:${type}`]);
    try {
      const seconds = { blocking: 0, scoring: 0, saving: 0 };
      const { keys, candidates, found } = await transaction(client, 'begin isolation level repeatable read', async () => {
        await tuneSession(client);
        await options.onProgress?.(0, 0, 'blocking');
        const built = await buildBlockingKeys(client, object, workspaceId, identifierKeys);
        const count = await buildCandidatePairs(client, workspaceId, type);
        seconds.blocking = elapsed(started);
        const scoringStarted = Date.now();
        const pairs = await scoreCandidates(client, options, count, (a, b) => scorePair(model, a, b), settings.threshold, comparedKeys);
        seconds.scoring = elapsed(scoringStarted);
        return { keys: built.keys, candidates: count, found: pairs };
      });
      const savingStarted = Date.now();
      await options.onProgress?.(0, found.length, 'saving');
      const saved = await transaction(client, 'begin', () => savePairs(client, workspaceId, type, options.jobId ?? null, found));
      seconds.saving = elapsed(savingStarted);
      return { object, threshold: settings.threshold, keys, candidates, ...saved, seconds: elapsed(started), phase_seconds: seconds };
    } finally {
      await client.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, `${workspaceId}:${type}`]);
    }
  } finally {
    client.release();
  }
}

function elapsed(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}

/**
 * Sorts and hashes of a few million keys in memory rather than spilled to disk; temporary tables of the
 * same size in local buffers (settable only before the session's first temporary table, hence the
 * savepoint); no JIT, whose compile time outweighs its gain on these plain scans.
 */
async function tuneSession(client: pg.PoolClient): Promise<void> {
  await client.query(`set local work_mem = '256MB'`);
  await client.query('set local jit = off');
  await client.query('savepoint dd_tune');
  try {
    await client.query(`set local temp_buffers = '256MB'`);
    await client.query('release savepoint dd_tune');
  } catch {
    await client.query('rollback to savepoint dd_tune');
  }
}

async function transaction<T>(client: pg.PoolClient, begin: string, work: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function scoreCandidates(
  client: pg.PoolClient,
  options: ScanOptions,
  total: number,
  score: (a: Comparable, b: Comparable) => { score: number; reasons: Reason[] },
  threshold: number,
  comparedKeys: readonly string[],
): Promise<Found[]> {
  const { workspaceId, object } = options;
  const table = object === 'contacts' ? 'contacts' : 'companies';
  await client.query(`create temp table dd_rec on commit drop as
    select r.id, ${recordJsonSql(object, 'r', comparedKeys, 2)} as j
    from ${table} r
    where r.workspace_id = $1 and r.id in (select a from dd_cand union select b from dd_cand)`, [workspaceId, ...comparedKeys]);
  await client.query('analyze dd_rec');
  await client.query('analyze dd_cand');
  await client.query(`declare dd_cursor no scroll cursor for
    select c.a::text as a, c.b::text as b, ra.j as ja, rb.j as jb
    from dd_cand c join dd_rec ra on ra.id = c.a join dd_rec rb on rb.id = c.b`);
  const cache = new Map<string, Comparable>();
  const comparable = (id: string, json: string): Comparable => {
    let record = cache.get(id);
    if (!record) {
      if (cache.size >= CACHE_MAX) cache.clear();
      record = toComparable(object, json);
      cache.set(id, record);
    }
    return record;
  };
  const found: Found[] = [];
  let done = 0;
  await options.onProgress?.(0, total, 'scoring');
  for (;;) {
    const { rows } = await client.query<{ a: string; b: string; ja: string; jb: string }>(`fetch ${FETCH_ROWS} from dd_cursor`);
    if (rows.length === 0) break;
    for (const row of rows) {
      const result = score(comparable(row.a, row.ja), comparable(row.b, row.jb));
      if (result.score >= threshold) found.push({ a: row.a, b: row.b, score: result.score, reasons: result.reasons });
    }
    done += rows.length;
    if (options.cancelRequested && (await options.cancelRequested())) throw new JobCancelled();
    await options.onProgress?.(done, total, 'scoring');
  }
  await client.query('close dd_cursor');
  return found;
}

async function savePairs(client: pg.PoolClient, workspaceId: string, type: 'contact' | 'company', jobId: string | null, found: readonly Found[]) {
  await client.query('create temp table dd_found (a bigint not null, b bigint not null, score real not null, reasons jsonb not null) on commit drop');
  await copyRows(client, 'dd_found', [
    { name: 'a', type: 'bigint' }, { name: 'b', type: 'bigint' }, { name: 'score', type: 'text' }, { name: 'reasons', type: 'jsonb' },
  ], found.map((f) => [f.a, f.b, String(f.score), f.reasons]));
  // the delete below probes dd_found once per open pair; stale statistics on a young duplicate_pairs
  // would otherwise plan that as a nested loop over a heap
  await client.query('create index on dd_found (a, b)');
  await client.query('analyze dd_found');
  const { rows: upserted } = await client.query<{ inserted: string }>(`
    with up as (
      insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score, reasons, scan_job_id)
      select $1, $2, f.a, f.b, f.score, f.reasons, $3 from dd_found f
      on conflict (workspace_id, object_type, a_id, b_id) do update
        set score = excluded.score, reasons = excluded.reasons, scan_job_id = excluded.scan_job_id
        where duplicate_pairs.status = 'open'
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted) as inserted from up`, [workspaceId, type, jobId]);
  const removed = await client.query(`
    delete from duplicate_pairs p
    where p.workspace_id = $1 and p.object_type = $2 and p.status = 'open'
      and not exists (select 1 from dd_found f where f.a = p.a_id and f.b = p.b_id)`, [workspaceId, type]);
  const { rows: open } = await client.query<{ n: string }>(
    `select count(*) as n from duplicate_pairs where workspace_id = $1 and object_type = $2 and status = 'open'`, [workspaceId, type]);
  return { pairs: Number(open[0]?.n ?? 0), new_pairs: Number(upserted[0]?.inserted ?? 0), removed_pairs: removed.rowCount ?? 0 };
}
