import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { QualityObject } from './quality-fields.ts';

/** The workspace-wide figures of one day (data_quality_snapshots.figures). */
export type SnapshotFigures = {
  total: number;
  /** mean fill ratio over the measured fields, 0..1 */
  completeness: number;
  /** values failing a check, summed over the checks */
  invalid: number;
  open_duplicates: number;
  /** filled count per field (`attributes.<key>` for custom fields) */
  filled: Record<string, number>;
  /** failing values per check code */
  invalid_by_check: Record<string, number>;
  /** stale records per window in months */
  stale: Record<string, number>;
};

export type TrendPoint = { day: string; total: number; completeness: number; invalid: number; open_duplicates: number };

/** The workspace's local date: a snapshot is "how the data looked that day" for the people who work there. */
const TODAY = (workspaceId: string) => sql`(select (now() at time zone timezone)::date from workspaces where id = ${workspaceId})`;

/** Today's snapshot if one was taken within the last `minutes`. */
export async function recentSnapshot(db: Db, workspaceId: string, object: QualityObject, minutes: number): Promise<{ figures: SnapshotFigures; taken_at: string } | null> {
  const { rows } = await sql<{ figures: SnapshotFigures; taken_at: string }>`
    select figures, to_json(taken_at)#>>'{}' as taken_at from data_quality_snapshots
    where workspace_id = ${workspaceId} and object_type = ${object} and day = ${TODAY(workspaceId)}
      and taken_at > now() - make_interval(mins => ${minutes})`.execute(db);
  return rows[0] ?? null;
}

export async function hasSnapshotToday(db: Db, workspaceId: string, object: QualityObject): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from data_quality_snapshots
                   where workspace_id = ${workspaceId} and object_type = ${object} and day = ${TODAY(workspaceId)}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

/** Today's snapshot, replacing one taken earlier today (the last measurement of a day is the day's figure). */
export async function saveSnapshot(db: Db, workspaceId: string, object: QualityObject, figures: SnapshotFigures): Promise<string> {
  const { rows } = await sql<{ taken_at: string }>`
    insert into data_quality_snapshots (workspace_id, object_type, day, figures)
    values (${workspaceId}, ${object}, ${TODAY(workspaceId)}, ${JSON.stringify(figures)}::jsonb)
    on conflict (workspace_id, object_type, day) do update set figures = excluded.figures, taken_at = now()
    returning to_json(taken_at)#>>'{}' as taken_at`.execute(db);
  return rows[0]?.taken_at ?? new Date().toISOString();
}

/** The snapshots of the last `days` days (local dates), oldest first. */
export async function loadTrend(db: Db, workspaceId: string, object: QualityObject, days: number): Promise<TrendPoint[]> {
  const { rows } = await sql<TrendPoint>`
    select s.day::text as day, (s.figures->>'total')::int as total, (s.figures->>'completeness')::float8 as completeness,
           (s.figures->>'invalid')::int as invalid, (s.figures->>'open_duplicates')::int as open_duplicates
    from data_quality_snapshots s
    where s.workspace_id = ${workspaceId} and s.object_type = ${object} and s.day > ${TODAY(workspaceId)} - ${days}::int
    order by s.day`.execute(db);
  return rows;
}
