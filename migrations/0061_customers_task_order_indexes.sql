-- Up Migration
-- Task lists are ordered by (due time, undated last; id). These let a list stop after one page:
-- the whole workspace (data scope all) and, per assignee, each branch of a scoped list
-- (see tasks/list-tasks.ts), where tasks_assignee_idx could only feed a sort of every matching task.
create index tasks_due_idx on tasks (workspace_id, (coalesce(due_at, 'infinity'::timestamptz)), id) where deleted_at is null;
create index tasks_assignee_due_idx on tasks (workspace_id, assignee_id, (coalesce(due_at, 'infinity'::timestamptz)), id) where deleted_at is null;

-- Down Migration
drop index tasks_assignee_due_idx;
drop index tasks_due_idx;
