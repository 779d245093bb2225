-- Up Migration

-- A merged record stays in its table, soft-deleted, pointing at the record it was merged into: its id
-- keeps resolving (GET /contacts/<old id> answers with the survivor) and undo has it to bring back.
-- Chains (A into B, later B into C) are followed at read time, so undoing the later merge needs no rewrite.
alter table contacts add column merged_into_id bigint;
alter table contacts add constraint contacts_merged_into_fk foreign key (workspace_id, merged_into_id) references contacts(workspace_id, id);
create index contacts_merged_into_idx on contacts (workspace_id, merged_into_id) where merged_into_id is not null;
alter table companies add column merged_into_id bigint;
alter table companies add constraint companies_merged_into_fk foreign key (workspace_id, merged_into_id) references companies(workspace_id, id);
create index companies_merged_into_idx on companies (workspace_id, merged_into_id) where merged_into_id is not null;

-- One merge of two records of the same object. Both records' values before, and the survivor's after,
-- are kept whole: undo restores the survivor field by field, but only the fields nobody edited since.
-- No foreign key to contacts/companies on purpose: a merge row is polymorphic (object_type), and the
-- merge itself re-points every foreign key to a record it discovers in the catalog.
create table merges (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null check (object_type in ('contacts', 'companies')),
  survivor_id bigint not null,
  merged_id bigint not null,
  merged_display_name text not null,
  survivor_before jsonb not null,
  survivor_after jsonb not null,
  merged_before jsonb not null,
  choices jsonb not null default '{}',
  moved jsonb not null default '{}',
  -- duplicate pairs the merge closed, with the status each had, reopened by undo: [{ id, status }]
  closed_pairs jsonb not null default '[]',
  pair_id bigint,
  created_by bigint,
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by bigint,
  undo_conflicts jsonb,
  primary key (workspace_id, id),
  check (survivor_id <> merged_id),
  foreign key (workspace_id, created_by) references users(workspace_id, id),
  foreign key (workspace_id, undone_by) references users(workspace_id, id)
);
create index merges_list_idx on merges (workspace_id, object_type, created_at desc, id desc);
create index merges_survivor_idx on merges (workspace_id, object_type, survivor_id) where undone_at is null;

-- The rows a merge re-pointed, per referencing table and column, by their key: undo moves back exactly
-- these (those still pointing at the survivor). key_column names the row key (usually id).
create table merge_moves (
  workspace_id bigint not null,
  merge_id bigint not null,
  table_name text not null,
  column_name text not null,
  key_column text not null,
  row_ids bigint[] not null,
  primary key (workspace_id, merge_id, table_name, column_name),
  foreign key (workspace_id, merge_id) references merges(workspace_id, id) on delete cascade
);

-- Old ids (and the merged record's external id) → the survivor, for lookups that do not go through the
-- record tables (imports matching on external_id, links kept outside Relata). One live alias per id.
create table record_aliases (
  workspace_id bigint not null,
  object_type text not null check (object_type in ('contacts', 'companies')),
  alias_id bigint not null,
  survivor_id bigint not null,
  alias_external_id text,
  merge_id bigint not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, object_type, alias_id),
  foreign key (workspace_id, merge_id) references merges(workspace_id, id) on delete cascade
);
create index record_aliases_external_idx on record_aliases (workspace_id, object_type, alias_external_id) where alias_external_id is not null;
create index record_aliases_merge_idx on record_aliases (workspace_id, merge_id);

-- Down Migration
drop table record_aliases;
drop table merge_moves;
drop table merges;
drop index companies_merged_into_idx;
alter table companies drop constraint companies_merged_into_fk;
alter table companies drop column merged_into_id;
drop index contacts_merged_into_idx;
alter table contacts drop constraint contacts_merged_into_fk;
alter table contacts drop column merged_into_id;
