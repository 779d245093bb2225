-- Up Migration

-- Candidate duplicates found by a scan (docs/adr/0011-duplicate-scoring.md). One row per unordered pair
-- (a_id < b_id). A rescan updates or removes open pairs; dismissed and merged pairs are decisions and stay,
-- so the unique key keeps a dismissed pair from ever being proposed again. a_id/b_id point at contacts or
-- companies depending on object_type, so they carry no foreign key; reads join the live records.
create table duplicate_pairs (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null check (object_type in ('contact', 'company')),
  a_id bigint not null,
  b_id bigint not null,
  score real not null check (score >= 0 and score <= 1),
  reasons jsonb not null default '[]',
  status text not null default 'open' check (status in ('open', 'dismissed', 'merged')),
  scan_job_id bigint,
  created_at timestamptz not null default now(),
  decided_by bigint,
  decided_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, object_type, a_id, b_id),
  check (a_id < b_id),
  foreign key (workspace_id, decided_by) references users(workspace_id, id)
);
-- the review list: highest score first within a status
create index duplicate_pairs_review_idx on duplicate_pairs (workspace_id, object_type, status, score desc, id desc);
-- "every pair involving record X" (merge marks them) — a_id is served by the unique key's prefix
create index duplicate_pairs_b_idx on duplicate_pairs (workspace_id, object_type, b_id);

-- Per workspace and object: the score threshold and field weights; absent rows mean the defaults in code.
create table dedupe_settings (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  object_type text not null check (object_type in ('contact', 'company')),
  threshold real not null check (threshold > 0 and threshold < 1),
  weights jsonb not null default '{}',
  updated_by bigint,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, object_type),
  foreign key (workspace_id, updated_by) references users(workspace_id, id)
);

-- Down Migration
drop table dedupe_settings;
drop table duplicate_pairs;
