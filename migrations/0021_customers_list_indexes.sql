-- Up Migration
-- The dashboard's "recent activity" reads the newest notes and activities of a whole workspace;
-- the per-record indexes (workspace_id, contact_id, …) cannot serve that order.
create index notes_recent_idx on notes (workspace_id, created_at desc, id desc) where deleted_at is null;
create index activities_recent_idx on activities (workspace_id, occurred_at desc, id desc) where deleted_at is null;
-- Orders of one owner, newest first: the orders list and revenue under an own/department data scope.
create index orders_owner_idx on orders (workspace_id, owner_id, ordered_at desc, id desc) where deleted_at is null;
-- "Tasks I created" is part of task visibility; with it every branch of that predicate has an index (BitmapOr).
create index tasks_created_by_idx on tasks (workspace_id, created_by) where deleted_at is null;

-- Down Migration
drop index tasks_created_by_idx;
drop index orders_owner_idx;
drop index activities_recent_idx;
drop index notes_recent_idx;
