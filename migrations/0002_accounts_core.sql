-- Up Migration
-- The tenant root. Every tenant table carries workspace_id first in its primary and foreign keys,
-- so a row can never point into another workspace and tables co-locate under Citus later.
create table workspaces (
  id bigint generated always as identity primary key,
  name text not null,
  timezone text not null default 'Asia/Shanghai',
  currency char(3) not null default 'CNY',
  default_region char(2) not null default 'CN',
  locale text not null default 'zh-CN',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table departments (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  name text not null,
  parent_id bigint,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, parent_id) references departments(workspace_id, id)
);

create table roles (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  key text not null,
  name text not null,
  -- { objects: { <object>: { actions: [...], scope } }, fields: { <object>: { <field>: hidden|readonly|editable } },
  --   masks: { <object>: { <field>: list|everywhere } } }
  permissions jsonb not null,
  is_system boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, key)
);

create table users (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  email citext not null unique,
  name text not null,
  password_hash text,
  department_id bigint,
  manager_id bigint,
  role_id bigint not null,
  locale text,
  active boolean not null default true,
  deactivated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, department_id) references departments(workspace_id, id),
  foreign key (workspace_id, manager_id) references users(workspace_id, id),
  foreign key (workspace_id, role_id) references roles(workspace_id, id)
);
create index users_department_idx on users (workspace_id, department_id);
create index users_manager_idx on users (workspace_id, manager_id);

-- Only a SHA-256 of the session token is stored: a leaked table does not leak sessions.
create table sessions (
  token_hash bytea primary key,
  workspace_id bigint not null,
  user_id bigint not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
);
create index sessions_user_idx on sessions (workspace_id, user_id);

create table api_keys (
  workspace_id bigint not null,
  id bigint generated always as identity,
  user_id bigint not null,
  name text not null,
  prefix text not null,
  key_hash bytea not null unique,
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
);

-- Login throttling lives in the database, not in process memory, so it holds across API processes.
create table login_attempts (
  id bigint generated always as identity primary key,
  email citext not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (email, at desc);
create index login_attempts_ip_idx on login_attempts (ip, at desc);

-- Audit: one small row per write, in the same transaction. changes = { field: [old, new] }.
create table audit_log (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null,
  record_id bigint not null,
  actor_id bigint,
  action text not null,
  changes jsonb,
  at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index audit_log_record_idx on audit_log (workspace_id, object_type, record_id, at desc);

-- Per-record sharing (协作人) for any object type.
create table record_collaborators (
  workspace_id bigint not null,
  object_type text not null,
  record_id bigint not null,
  user_id bigint not null,
  access text not null check (access in ('read', 'write')),
  expires_at timestamptz,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (workspace_id, object_type, record_id, user_id),
  foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
);
create index record_collaborators_user_idx on record_collaborators (workspace_id, user_id, object_type);

create table notifications (
  workspace_id bigint not null,
  id bigint generated always as identity,
  user_id bigint not null,
  kind text not null,
  title text not null,
  link text,
  payload jsonb,
  dedupe_key text,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
);
create index notifications_user_idx on notifications (workspace_id, user_id, created_at desc);
create unique index notifications_dedupe_idx on notifications (workspace_id, user_id, dedupe_key) where dedupe_key is not null;

-- Down Migration
drop table notifications;
drop table record_collaborators;
drop table audit_log;
drop table login_attempts;
drop table api_keys;
drop table sessions;
drop table users;
drop table roles;
drop table departments;
drop table workspaces;
