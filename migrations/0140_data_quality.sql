-- Up Migration
-- One row per workspace, object and day with the workspace-wide data-quality figures
-- (total, mean completeness, invalid values, open duplicate pairs), for the trend chart.
-- Taken when the data-quality page is first requested on a day, or by the data-quality-snapshot job.
-- `day` is the workspace's local date, so a trend point is the figures "as of that day" for its users.
create table data_quality_snapshots (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  object_type text not null check (object_type in ('contacts', 'companies')),
  day date not null,
  figures jsonb not null,
  taken_at timestamptz not null default now(),
  primary key (workspace_id, object_type, day)
);

-- Down Migration
drop table data_quality_snapshots;
