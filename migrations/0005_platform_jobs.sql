-- Up Migration
-- What users see of background work (imports, exports, scans, bulk actions): status and progress.
-- pg-boss (schema pgboss) does the queueing, retries and crash detection; this table is the record.
create table job_runs (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  kind text not null,
  status text not null default 'queued' check (status in ('queued','running','succeeded','failed','cancelled')),
  payload jsonb not null default '{}',
  progress_done bigint not null default 0,
  progress_total bigint,
  message text,
  result jsonb,
  error jsonb,
  attempts int not null default 0,
  cancel_requested boolean not null default false,
  created_by bigint,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz,
  primary key (workspace_id, id)
);
create index job_runs_recent_idx on job_runs (workspace_id, created_at desc);

-- Down Migration
drop table job_runs;
