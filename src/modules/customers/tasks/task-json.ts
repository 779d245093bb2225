import { sql } from 'kysely';
import { Type, type Static, type TSchema } from 'typebox';
import type { Db, Tx } from '../../../platform/db/database.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TaskSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  description: Nullable(Type.String()),
  due_at: Nullable(Type.String()),
  done: Type.Boolean(),
  done_at: Nullable(Type.String()),
  assignee_id: Nullable(Type.String()),
  assignee_name: Nullable(Type.String()),
  contact_id: Nullable(Type.String()),
  company_id: Nullable(Type.String()),
  created_by: Nullable(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type TaskJson = Static<typeof TaskSchema>;

/** Select list of a task; expects `tasks t` and `users asg` (the assignee), see TASK_FROM. */
export const TASK_COLUMNS = sql`t.id::text, t.version, t.title, t.description, to_json(t.due_at)#>>'{}' as due_at, t.done,
  to_json(t.done_at)#>>'{}' as done_at, t.assignee_id::text, asg.name as assignee_name, t.contact_id::text, t.company_id::text,
  t.created_by::text, to_json(t.created_at)#>>'{}' as created_at, to_json(t.updated_at)#>>'{}' as updated_at`;

export const TASK_FROM = sql`tasks t left join users asg on asg.workspace_id = t.workspace_id and asg.id = t.assignee_id`;

export const TASK_AUDIT_FIELDS = ['title', 'description', 'due_at', 'done', 'assignee_id', 'contact_id', 'company_id'] as const;

export async function findTask(db: Db | Tx, workspaceId: string, id: string): Promise<TaskJson | undefined> {
  const { rows } = await sql<TaskJson>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.workspace_id = ${workspaceId} and t.id = ${id} and t.deleted_at is null`.execute(db);
  return rows[0];
}
