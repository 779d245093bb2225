-- Up Migration
-- A counter per workspace that changes whenever its custom field definitions do. The authentication
-- statement reads it, so a read path can reuse the definitions it loaded before (fields/field-definitions.ts)
-- instead of asking for them on every request, and still never sees definitions older than the request.
-- A trigger keeps it, so every writer (API, import, a later process or a hand-written SQL) bumps it.
alter table workspaces add column fields_version bigint not null default 1;

create function bump_fields_version() returns trigger language plpgsql as $$
begin
  update workspaces set fields_version = fields_version + 1
  where id in (select workspace_id from changed_definitions);
  return null;
end $$;

create trigger field_definitions_insert_version after insert on field_definitions
  referencing new table as changed_definitions for each statement execute function bump_fields_version();
create trigger field_definitions_update_version after update on field_definitions
  referencing new table as changed_definitions for each statement execute function bump_fields_version();
create trigger field_definitions_delete_version after delete on field_definitions
  referencing old table as changed_definitions for each statement execute function bump_fields_version();

-- Down Migration
drop trigger field_definitions_delete_version on field_definitions;
drop trigger field_definitions_update_version on field_definitions;
drop trigger field_definitions_insert_version on field_definitions;
drop function bump_fields_version();
alter table workspaces drop column fields_version;
