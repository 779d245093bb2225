-- Up Migration
create table field_definitions (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  object_type text not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text not null,
  label_zh text,
  type text not null check (type in ('text','long_text','number','money','date','boolean','select','multi_select')),
  options jsonb not null default '[]',
  required boolean not null default false,
  is_unique boolean not null default false,
  sensitive boolean not null default false,
  is_identifier boolean not null default false,
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, object_type, key)
);

create table companies (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  version int not null default 1,
  name text not null,
  domain citext,
  industry text,
  phone text,
  email citext,
  website text,
  street text, city text, region text, postcode text, country text,
  owner_id bigint,
  tags text[] not null default '{}',
  attributes jsonb not null default '{}',
  external_id text,
  search_tokens tsvector,
  search_text text,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references users(workspace_id, id)
);
create index companies_list_idx on companies (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index companies_owner_idx on companies (workspace_id, owner_id, updated_at desc, id desc) where deleted_at is null;
create index companies_trash_idx on companies (workspace_id, deleted_at) where deleted_at is not null;
create unique index companies_external_id_idx on companies (workspace_id, external_id) where external_id is not null;
create index companies_domain_idx on companies (workspace_id, domain);
create index companies_tags_idx on companies using gin (tags);
create index companies_attributes_idx on companies using gin (attributes jsonb_path_ops);
create index companies_search_tokens_idx on companies using gin (search_tokens);
create index companies_search_text_idx on companies using gin (search_text gin_trgm_ops);

create table contacts (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  version int not null default 1,
  first_name text,
  last_name text,
  display_name text not null,
  email citext,
  emails jsonb not null default '[]',
  phone text,
  phones jsonb not null default '[]',
  -- reversed digits of every phone, space separated, for "last digits" search with a prefix index
  phone_rev text,
  gender text check (gender in ('male','female','other','unknown')),
  birthday date,
  street text, city text, region text, postcode text, country text,
  source text,
  lifecycle_stage text,
  value_tier text,
  owner_id bigint,
  company_id bigint,
  consent_email boolean not null default false,
  consent_sms boolean not null default false,
  tags text[] not null default '{}',
  attributes jsonb not null default '{}',
  external_id text,
  search_tokens tsvector,
  search_text text,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references users(workspace_id, id),
  foreign key (workspace_id, company_id) references companies(workspace_id, id)
);
create index contacts_list_idx on contacts (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index contacts_owner_idx on contacts (workspace_id, owner_id, updated_at desc, id desc) where deleted_at is null;
create index contacts_trash_idx on contacts (workspace_id, deleted_at) where deleted_at is not null;
create unique index contacts_external_id_idx on contacts (workspace_id, external_id) where external_id is not null;
create index contacts_email_idx on contacts (workspace_id, email);
create index contacts_phone_idx on contacts (workspace_id, phone);
create index contacts_phone_rev_idx on contacts (workspace_id, phone_rev text_pattern_ops);
create index contacts_company_idx on contacts (workspace_id, company_id);
create index contacts_city_idx on contacts (workspace_id, city, updated_at desc, id desc) where deleted_at is null;
create index contacts_tags_idx on contacts using gin (tags);
create index contacts_attributes_idx on contacts using gin (attributes jsonb_path_ops);
create index contacts_search_tokens_idx on contacts using gin (search_tokens);
create index contacts_search_text_idx on contacts using gin (search_text gin_trgm_ops);

-- Narrow per-customer aggregates, kept in the same transaction as the order or activity that changes them.
create table contact_aggregates (
  workspace_id bigint not null,
  contact_id bigint not null,
  order_count int not null default 0,
  total_spend_minor bigint not null default 0,
  first_order_at timestamptz,
  last_order_at timestamptz,
  last_activity_at timestamptz,
  primary key (workspace_id, contact_id),
  foreign key (workspace_id, contact_id) references contacts(workspace_id, id) on delete cascade
);

create table products (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  version int not null default 1,
  sku text not null,
  name text not null,
  price_minor bigint not null default 0 check (price_minor >= 0),
  currency char(3) not null,
  active boolean not null default true,
  attributes jsonb not null default '{}',
  external_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, sku)
);

create table orders (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  version int not null default 1,
  number text not null,
  contact_id bigint,
  company_id bigint,
  owner_id bigint,
  status text not null check (status in ('pending','paid','shipped','completed','cancelled','refunded')),
  channel text,
  ordered_at timestamptz not null,
  currency char(3) not null,
  total_minor bigint not null check (total_minor >= 0),
  external_id text,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, number),
  foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
  foreign key (workspace_id, company_id) references companies(workspace_id, id),
  foreign key (workspace_id, owner_id) references users(workspace_id, id)
);
create index orders_contact_idx on orders (workspace_id, contact_id, ordered_at desc);
create index orders_company_idx on orders (workspace_id, company_id, ordered_at desc);
create index orders_list_idx on orders (workspace_id, ordered_at desc, id desc) where deleted_at is null;

create table order_lines (
  workspace_id bigint not null,
  id bigint generated always as identity,
  order_id bigint not null,
  product_id bigint,
  product_name text not null,
  quantity numeric(14,3) not null check (quantity > 0),
  unit_price_minor bigint not null check (unit_price_minor >= 0),
  amount_minor bigint not null check (amount_minor >= 0),
  primary key (workspace_id, id),
  foreign key (workspace_id, order_id) references orders(workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references products(workspace_id, id)
);
create index order_lines_order_idx on order_lines (workspace_id, order_id);

create table notes (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  contact_id bigint,
  company_id bigint,
  body text not null,
  author_id bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
  foreign key (workspace_id, company_id) references companies(workspace_id, id),
  foreign key (workspace_id, author_id) references users(workspace_id, id)
);
create index notes_contact_idx on notes (workspace_id, contact_id, created_at desc);
create index notes_company_idx on notes (workspace_id, company_id, created_at desc);

create table tasks (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  version int not null default 1,
  title text not null,
  description text,
  due_at timestamptz,
  done boolean not null default false,
  done_at timestamptz,
  assignee_id bigint,
  contact_id bigint,
  company_id bigint,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, assignee_id) references users(workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
  foreign key (workspace_id, company_id) references companies(workspace_id, id)
);
create index tasks_assignee_idx on tasks (workspace_id, assignee_id, done, due_at);
create index tasks_contact_idx on tasks (workspace_id, contact_id, created_at desc);
create index tasks_company_idx on tasks (workspace_id, company_id, created_at desc);

create table activities (
  workspace_id bigint not null references workspaces(id) on delete cascade,
  id bigint generated always as identity,
  type text not null check (type in ('call','meeting','email','visit','chat')),
  subject text not null,
  outcome text,
  body text,
  occurred_at timestamptz not null,
  duration_minutes int,
  contact_id bigint,
  company_id bigint,
  owner_id bigint,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
  foreign key (workspace_id, company_id) references companies(workspace_id, id),
  foreign key (workspace_id, owner_id) references users(workspace_id, id)
);
create index activities_contact_idx on activities (workspace_id, contact_id, occurred_at desc);
create index activities_company_idx on activities (workspace_id, company_id, occurred_at desc);

create table saved_views (
  workspace_id bigint not null,
  id bigint generated always as identity,
  user_id bigint not null,
  object_type text not null,
  name text not null,
  filter jsonb,
  sort text,
  columns jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
);

-- Down Migration
drop table saved_views;
drop table activities;
drop table tasks;
drop table notes;
drop table order_lines;
drop table orders;
drop table products;
drop table contact_aggregates;
drop table contacts;
drop table companies;
drop table field_definitions;
