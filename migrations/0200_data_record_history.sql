-- Up Migration
-- A record's history: the audit log, plus one entry per import batch that created or changed the record.
-- An import already keeps one row per record it touched in import_batch_rows (with the before-image,
-- for undo); that row is also the record's history entry, read through this view, instead of a second
-- row per record in audit_log (a 6M-row import wrote 6M of them: a tenth of its apply time).
-- Import entries carry the negated batch id as their id: unique per record, and never an audit_log id.
create index import_batch_rows_record_idx on import_batch_rows (workspace_id, object_type, record_id);

create view record_history as
  select a.workspace_id, a.id, a.object_type, a.record_id, a.actor_id, a.action, a.changes, a.at
  from audit_log a
  union all
  select r.workspace_id, -r.batch_id, r.object_type, r.record_id, b.created_by,
         case r.action when 'c' then 'create' else 'update' end,
         jsonb_build_object('import_batch_id', jsonb_build_array(null, r.batch_id)),
         b.finished_at
  from import_batch_rows r
  join import_batches b on b.workspace_id = r.workspace_id and b.id = r.batch_id
  where b.finished_at is not null;

-- the per-record rows that imports wrote before this view are the same entries: they go
delete from audit_log a using import_batch_rows r
where a.workspace_id = r.workspace_id and a.object_type = r.object_type and a.record_id = r.record_id
  and a.action = case r.action when 'c' then 'create' else 'update' end
  and a.changes = jsonb_build_object('import_batch_id', jsonb_build_array(null, r.batch_id));

-- Down Migration
insert into audit_log (workspace_id, object_type, record_id, actor_id, action, changes, at)
select workspace_id, object_type, record_id, actor_id, action, changes, at from record_history where id < 0;
drop view record_history;
drop index import_batch_rows_record_idx;
