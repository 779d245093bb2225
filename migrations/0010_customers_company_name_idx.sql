-- Up Migration
-- 查重 for companies compares names case-insensitively; without this every create scans the workspace.
create index companies_name_lower_idx on companies (workspace_id, lower(name)) where deleted_at is null;
create index companies_email_idx on companies (workspace_id, email) where deleted_at is null;
create index companies_phone_idx on companies (workspace_id, phone) where deleted_at is null;

-- Down Migration
drop index companies_phone_idx;
drop index companies_email_idx;
drop index companies_name_lower_idx;
