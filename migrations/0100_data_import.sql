-- Up Migration

-- A file uploaded for import: kept under RELATA_DATA_DIR/imports, referenced by the batch that loads it.
create table import_uploads (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null check (object_type in ('contacts','companies','orders','products')),
  file_name text not null,
  path text not null,
  size bigint not null,
  format text not null,
  encoding text,
  headers jsonb not null,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, created_by) references users(workspace_id, id)
);

-- One run of the import engine over one file. Counters and checkpoints live here so that a killed
-- process resumes where the last committed chunk ended.
create table import_batches (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null check (object_type in ('contacts','companies','orders','products')),
  upload_id bigint,
  file_name text not null,
  path text not null,
  format text,
  encoding text,
  mode text not null check (mode in ('create','update','upsert')),
  match_key text,
  options jsonb not null default '{}',
  status text not null default 'queued'
    check (status in ('queued','staging','applying','succeeded','failed','cancelled','undoing','undone')),
  rows_read int not null default 0,
  rows_staged int not null default 0,
  rows_total int,
  rows_created int not null default 0,
  rows_updated int not null default 0,
  rows_unchanged int not null default 0,
  rows_failed int not null default 0,
  error jsonb,
  job_id bigint,
  undo_job_id bigint,
  undo_result jsonb,
  created_by bigint,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  undone_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, created_by) references users(workspace_id, id)
);
create index import_batches_list_idx on import_batches (workspace_id, created_at desc, id desc);

-- The error report: one row per refused row (several when a row has several problems).
create table import_errors (
  workspace_id bigint not null,
  batch_id bigint not null,
  row_number int not null,
  seq int not null default 0,
  column_name text,
  code text not null,
  message text not null,
  cells jsonb,
  primary key (workspace_id, batch_id, row_number, seq),
  foreign key (workspace_id, batch_id) references import_batches(workspace_id, id) on delete cascade
);

-- What a batch did to each record: created ('c') or updated ('u', with the values before), for undo.
create table import_batch_rows (
  workspace_id bigint not null,
  batch_id bigint not null,
  object_type text not null,
  record_id bigint not null,
  action char(1) not null check (action in ('c','u')),
  version_after int not null,
  before jsonb,
  primary key (workspace_id, batch_id, object_type, record_id),
  foreign key (workspace_id, batch_id) references import_batches(workspace_id, id) on delete cascade
);

create table import_mappings (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null,
  name text not null,
  mapping jsonb not null,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, object_type, name)
);

alter table contacts add column import_batch_id bigint;
alter table companies add column import_batch_id bigint;
alter table orders add column import_batch_id bigint;
alter table products add column import_batch_id bigint;

-- Down Migration
alter table products drop column import_batch_id;
alter table orders drop column import_batch_id;
alter table companies drop column import_batch_id;
alter table contacts drop column import_batch_id;
drop table import_mappings;
drop table import_batch_rows;
drop table import_errors;
drop table import_batches;
drop table import_uploads;
