-- Up Migration
-- Settings records are edited by several administrators at once: a version column lets a stale edit
-- be refused (409) instead of silently overwriting a colleague's change.
alter table workspaces add column version int not null default 1;
alter table departments add column version int not null default 1;
alter table departments add column updated_at timestamptz not null default now();
alter table roles add column version int not null default 1;
alter table users add column version int not null default 1;

-- the user picker and the users settings page list by name (keyset on name, id)
create index users_name_idx on users (workspace_id, name, id);
-- "my keys" and revoking a departing user's keys
create index api_keys_user_idx on api_keys (workspace_id, user_id);
-- the department tree walks parent -> children
create index departments_parent_idx on departments (workspace_id, parent_id);

-- Down Migration
drop index departments_parent_idx;
drop index api_keys_user_idx;
drop index users_name_idx;
alter table users drop column version;
alter table roles drop column version;
alter table departments drop column updated_at;
alter table departments drop column version;
alter table workspaces drop column version;
