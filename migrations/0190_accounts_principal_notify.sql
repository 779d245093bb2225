-- Up Migration
-- Each API process keeps the principals it authenticated (principal-cache.ts, ADR 18) and drops them
-- all when anything a principal is made of changes: users (role, department, manager, active — and a new
-- or removed colleague changes others' data scopes), roles, departments, the workspace (fields_version),
-- a session ended or an API key revoked. One notification per statement; PostgreSQL delivers it to every
-- listening process after the transaction commits, and drops duplicates within a transaction.
create function relata_notify_principals() returns trigger language plpgsql as $$
begin
  perform pg_notify('relata_principals', tg_table_name);
  return null;
end $$;

create trigger users_principals after insert or update or delete or truncate on users
  for each statement execute function relata_notify_principals();
create trigger roles_principals after insert or update or delete or truncate on roles
  for each statement execute function relata_notify_principals();
create trigger departments_principals after insert or update or delete or truncate on departments
  for each statement execute function relata_notify_principals();
create trigger workspaces_principals after update or delete or truncate on workspaces
  for each statement execute function relata_notify_principals();
-- a new session changes no principal; the once-a-minute last_used_at touch of a key changes none either
create trigger sessions_principals after update or delete or truncate on sessions
  for each statement execute function relata_notify_principals();
create trigger api_keys_principals after update of revoked_at, scopes, user_id, key_hash or delete or truncate on api_keys
  for each statement execute function relata_notify_principals();

-- Down Migration
drop trigger api_keys_principals on api_keys;
drop trigger sessions_principals on sessions;
drop trigger workspaces_principals on workspaces;
drop trigger departments_principals on departments;
drop trigger roles_principals on roles;
drop trigger users_principals on users;
drop function relata_notify_principals();
