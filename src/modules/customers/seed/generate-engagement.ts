import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { sqlHash } from './sql-hash.ts';
import { ACTIVITY_OUTCOMES, ACTIVITY_SUBJECTS, NOTE_BODIES, TASK_TITLES } from './pools.ts';

/**
 * Follow-up history for contacts in [fromId, toId], set-based: activities for ~30 % (1–3 each), a note
 * for ~15 %, a task for ~8 % (half of the past ones done). Dated between the contact's creation and now.
 */
export async function generateEngagement(
  db: Db | Tx,
  input: { workspaceId: string; fromId: string; toId: string; seed: number },
): Promise<{ activities: number; notes: number; tasks: number }> {
  const { workspaceId: ws, seed } = input;
  const h = (key: RawBuilder<unknown>, salt: number) => sqlHash(key, seed, salt);
  const pick = (items: readonly string[], key: RawBuilder<unknown>, salt: number) =>
    sql`(${items}::text[])[1 + ${h(key, salt)} % ${sql.lit(items.length)}]`;
  const inLife = (key: RawBuilder<unknown>, salt: number) => sql`c.created_at + (now() - c.created_at) * ((${h(key, salt)} % 100000) / 100000.0)`;
  const range = sql`c.workspace_id = ${ws} and c.id between ${input.fromId} and ${input.toId}`;
  const akey = sql`(c.id * 4 + j)`;
  const subjects = ACTIVITY_SUBJECTS.map(([, s]) => s);
  const types = ACTIVITY_SUBJECTS.map(([t]) => t);

  const activities = await sql`
    insert into activities (workspace_id, type, subject, outcome, occurred_at, duration_minutes, contact_id, company_id, owner_id)
    select c.workspace_id, (${types}::text[])[v.i], (${subjects}::text[])[v.i], ${pick(ACTIVITY_OUTCOMES, akey, 22)},
           ${inLife(akey, 23)}, 5 + ${h(akey, 24)} % 55, c.id, c.company_id, c.owner_id
    from contacts c
    cross join generate_series(1, 3) j
    cross join lateral (select 1 + ${h(akey, 21)} % ${sql.lit(subjects.length)} as i) v
    where ${range} and ${h(sql`c.id`, 20)} % 100 < 30 and j <= 1 + ${h(sql`c.id`, 25)} % 3`.execute(db);

  const notes = await sql`
    insert into notes (workspace_id, contact_id, company_id, body, author_id, created_at, updated_at)
    select c.workspace_id, c.id, c.company_id, ${pick(NOTE_BODIES, sql`c.id`, 31)}, c.owner_id, ${inLife(sql`c.id`, 32)}, ${inLife(sql`c.id`, 32)}
    from contacts c where ${range} and ${h(sql`c.id`, 30)} % 100 < 15`.execute(db);

  const tasks = await sql`
    insert into tasks (workspace_id, title, due_at, done, done_at, assignee_id, contact_id, company_id, created_by, created_at, updated_at)
    select c.workspace_id, ${pick(TASK_TITLES, sql`c.id`, 41)}, v.due, v.done, case when v.done then v.due end,
           c.owner_id, c.id, c.company_id, c.owner_id, least(v.due - interval '3 days', now()), least(v.due - interval '3 days', now())
    from contacts c
    cross join lateral (select date_trunc('hour', now()) + ((${h(sql`c.id`, 42)} % 60) - 30) * interval '1 day' as due) d
    cross join lateral (select d.due, d.due < now() and ${h(sql`c.id`, 43)} % 2 = 0 as done) v
    where ${range} and ${h(sql`c.id`, 40)} % 100 < 8`.execute(db);

  return {
    activities: Number(activities.numAffectedRows ?? 0),
    notes: Number(notes.numAffectedRows ?? 0),
    tasks: Number(tasks.numAffectedRows ?? 0),
  };
}
