-- Up Migration
-- Deleting a custom field takes two steps (customers/fields/delete-field-definition.ts): the request retires
-- the definition — from then on no field list, filter, form, validation or read sees it — and queues a job
-- (cleanup_job_id) that strips its values from the records in batches and finally deletes the row. Until
-- then the row keeps its key taken (unique per object), so the key cannot be created again while old values
-- are still in records: a new field of that key would otherwise read them, and the job would strip its values.
alter table field_definitions
  add column retired_at timestamptz,
  add column cleanup_job_id bigint,
  add constraint field_definitions_cleanup_job_fkey foreign key (workspace_id, cleanup_job_id)
    references job_runs (workspace_id, id) on delete set null (cleanup_job_id),
  add constraint field_definitions_cleanup_when_retired check (cleanup_job_id is null or retired_at is not null);

-- Down Migration
-- Older code knows no retired state: a retired definition would come back to life with part of its values
-- stripped. Going back deletes those definitions outright; values not yet stripped stay in the records'
-- attributes, like any key without a definition.
delete from field_definitions where retired_at is not null;
alter table field_definitions
  drop constraint field_definitions_cleanup_when_retired,
  drop constraint field_definitions_cleanup_job_fkey,
  drop column cleanup_job_id,
  drop column retired_at;
