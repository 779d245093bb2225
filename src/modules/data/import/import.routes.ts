import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { can, principalOf, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { createImport } from './create-import.ts';
import { BATCH_COLUMNS, batchJson, loadBatch, type ImportBatchRow } from './import-batches.ts';
import { errorReportCsv, listImportErrors } from './import-errors.ts';
import { enqueueImport, enqueueUndo, registerImportJobs } from './import-job.ts';
import { IMPORT_MODES } from './import-context.ts';
import { IMPORT_OBJECTS, IMPORT_TARGETS, suggestMapping, type ImportObject } from './mapping/index.ts';
import { previewSource } from './source/index.ts';
import { targetAccess } from './writable-mapping.ts';

const tags = ['imports'];
/** Uploads larger than this are refused with 413; the CLI has no limit (it streams from disk). */
const UPLOAD_MAX_BYTES = 4 * 1024 ** 3;
const Id = Type.String({ pattern: '^[0-9]{1,18}$' });
const ObjectParam = Type.Enum(IMPORT_OBJECTS);

const StartBody = Type.Object({
  upload_id: Id,
  object: ObjectParam,
  mapping: Type.Optional(Type.Record(Type.String({ maxLength: 500 }), Type.Union([Type.String({ maxLength: 200 }), Type.Null()]))),
  mode: Type.Optional(Type.Enum(IMPORT_MODES)),
  match: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  create_custom_fields: Type.Optional(Type.Boolean()),
  identifier_fields: Type.Optional(Type.Array(Type.String({ maxLength: 63 }), { maxItems: 50 })),
  all_or_nothing: Type.Optional(Type.Boolean()),
  create_missing_contacts: Type.Optional(Type.Boolean()),
  save_mapping_as: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
}, { additionalProperties: false });

const BatchSchema = Type.Object({
  id: Type.String(), object: Type.String(), file_name: Type.String(), format: Type.Union([Type.String(), Type.Null()]),
  encoding: Type.Union([Type.String(), Type.Null()]), status: Type.String(), mode: Type.String(), match: Type.Union([Type.String(), Type.Null()]),
  rows_read: Type.Number(), rows_total: Type.Union([Type.Number(), Type.Null()]), rows_created: Type.Number(), rows_updated: Type.Number(),
  rows_unchanged: Type.Number(), rows_failed: Type.Number(), error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }), Type.Null()]),
  job_id: Type.Union([Type.String(), Type.Null()]), undo_job_id: Type.Union([Type.String(), Type.Null()]),
  undo_result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]), created_by_name: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(), started_at: Type.Union([Type.String(), Type.Null()]), finished_at: Type.Union([Type.String(), Type.Null()]),
  undone_at: Type.Union([Type.String(), Type.Null()]),
});

const MappingSchema = Type.Object({ id: Type.String(), name: Type.String(), object: Type.String(), mapping: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])) });

function assertCanImport(principal: Principal, object: string): void {
  if (!can(principal, object, 'import')) throw new AppError('PERMISSION_DENIED', `You may not import ${object}`);
}

/** A batch is visible to the user who started it, and to users who see every record of its object. */
async function visibleBatch(principal: Principal, batch: ImportBatchRow): Promise<ImportBatchRow> {
  const allScope = principal.permissions.objects[batch.object_type]?.scope === 'all';
  if (batch.created_by !== principal.userId && !(allScope && can(principal, batch.object_type, 'import'))) throw new AppError('NOT_FOUND', 'Import not found');
  return batch;
}

export function importRoutes({ db, config, jobs }: ModuleDeps): ModulePlugin {
  registerImportJobs(jobs, db);
  const uploadDir = (workspaceId: string) => path.join(config.dataDir, 'imports', workspaceId);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

    app.post('/imports/uploads', {
      config: { access: { authenticated: true } },
      schema: {
        tags, consumes: ['multipart/form-data'], querystring: Type.Object({ object: ObjectParam }),
        description: 'multipart/form-data with one file field `file` (CSV or XLSX)',
      },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const object = request.query.object as ImportObject;
      assertCanImport(principal, object);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
      const part = await request.file();
      if (!part) throw new AppError('VALIDATION_FAILED', 'No file in the upload', { field: 'file' });
      const dir = uploadDir(principal.workspaceId);
      await fs.promises.mkdir(dir, { recursive: true });
      const partial = path.join(dir, `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.part`);
      await pipeline(part.file, fs.createWriteStream(partial));
      if (part.file.truncated) {
        await fs.promises.rm(partial, { force: true });
        throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${UPLOAD_MAX_BYTES} bytes: import it with the CLI`, { max: UPLOAD_MAX_BYTES });
      }
      const fileName = path.basename(part.filename || 'upload').slice(0, 200);
      try {
        const preview = await previewSource(partial, { limit: 20 });
        const size = (await fs.promises.stat(partial)).size;
        const { rows } = await sql<{ id: string }>`
          insert into import_uploads (workspace_id, object_type, file_name, path, size, format, encoding, headers, created_by)
          values (${principal.workspaceId}, ${object}, ${fileName}, '', ${size}, ${preview.format}, ${preview.encoding}, ${JSON.stringify(preview.headers)}::jsonb, ${principal.userId})
          returning id::text`.execute(db);
        const uploadId = rows[0]!.id;
        const file = path.join(dir, `${uploadId}.${preview.format}`);
        await fs.promises.rename(partial, file);
        await sql`update import_uploads set path = ${file} where workspace_id = ${principal.workspaceId} and id = ${uploadId}`.execute(db);
        const fieldObject = object === 'contacts' || object === 'companies' ? object : null;
        const definitions = fieldObject ? await loadFieldDefinitions(db, principal.workspaceId, fieldObject) : [];
        const saved = await sql<{ id: string; name: string; mapping: Record<string, string | null> }>`
          select id::text, name, mapping from import_mappings where workspace_id = ${principal.workspaceId} and object_type = ${object} order by name`.execute(db);
        const access = (target: string) => targetAccess(principal, object, target);
        const targets = [
          ...IMPORT_TARGETS[object].map((t) => ({ key: t.key, label: t.label, label_zh: t.label_zh, kind: t.kind })),
          ...definitions.map((d) => ({ key: `attributes.${d.key}`, label: d.label, label_zh: d.label_zh ?? d.label, kind: d.type })),
        ];
        return reply.status(201).send({
          upload_id: uploadId, file_name: fileName, size, format: preview.format, encoding: preview.encoding, headers: preview.headers,
          preview: preview.rows.map((r) => r.cells), row_estimate: preview.row_estimate,
          suggested_mapping: suggestMapping(object, preview.headers, definitions, (target) => access(target) === 'editable')
            .map((s) => ({ header: s.header, target: s.target })),
          // a field the role hides is left out; a read-only one is listed as not writable (the mapping step shows it, disabled)
          targets: targets.filter((t) => access(t.key) !== 'hidden').map((t) => ({ ...t, writable: access(t.key) === 'editable' })),
          saved_mappings: saved.rows,
        });
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    });

    app.post('/imports', {
      config: { access: { authenticated: true } },
      schema: { tags, body: StartBody, response: { 202: Type.Object({ job_id: Type.String(), batch_id: Type.String() }) } },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const body = request.body;
      assertCanImport(principal, body.object);
      const { rows } = await sql<{ path: string; file_name: string; object_type: string }>`
        select path, file_name, object_type from import_uploads
        where workspace_id = ${principal.workspaceId} and id = ${body.upload_id} and created_by = ${principal.userId}`.execute(db);
      const upload = rows[0];
      if (!upload) throw new AppError('NOT_FOUND', 'Upload not found');
      const { batchId, mapping } = await createImport(db, principal, {
        object: body.object, path: upload.path, fileName: upload.file_name, uploadId: body.upload_id, mapping: body.mapping, mode: body.mode,
        match: body.match, createCustomFields: body.create_custom_fields, identifierFields: body.identifier_fields,
        allOrNothing: body.all_or_nothing, createMissingContacts: body.create_missing_contacts,
      });
      if (body.save_mapping_as) {
        await sql`insert into import_mappings (workspace_id, object_type, name, mapping, created_by)
                  values (${principal.workspaceId}, ${body.object}, ${body.save_mapping_as.normalize('NFC').trim()}, ${JSON.stringify(mapping)}::jsonb, ${principal.userId})
                  on conflict (workspace_id, object_type, name) do update set mapping = excluded.mapping`.execute(db);
      }
      const jobId = await enqueueImport(db, jobs, principal, batchId);
      return reply.status(202).send({ job_id: jobId, batch_id: batchId });
    });

    app.get('/imports', {
      config: { access: { authenticated: true } },
      schema: {
        tags, querystring: Type.Object({ object: Type.Optional(ObjectParam), cursor: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ data: Type.Array(BatchSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => {
      const principal = principalOf(request);
      const limit = request.query.limit ?? 50;
      const allObjects = Object.entries(principal.permissions.objects).filter(([, g]) => g.scope === 'all' && g.actions.includes('import')).map(([o]) => o);
      const { rows } = await sql<ImportBatchRow>`
        select ${BATCH_COLUMNS} from import_batches b left join users u on u.workspace_id = b.workspace_id and u.id = b.created_by
        where b.workspace_id = ${principal.workspaceId}
          and (b.created_by = ${principal.userId} or b.object_type = any(${allObjects}::text[]))
          and (${request.query.object ?? null}::text is null or b.object_type = ${request.query.object ?? null})
          and (${request.query.cursor ?? null}::bigint is null or b.id < ${request.query.cursor ?? null}::bigint)
        order by b.id desc limit ${limit + 1}`.execute(db);
      const page = rows.slice(0, limit);
      return { data: page.map(batchJson), next_cursor: rows.length > limit ? page[page.length - 1]!.id : null };
    });

    app.get('/imports/:id', {
      config: { access: { authenticated: true } },
      schema: { tags, params: Type.Object({ id: Id }), response: { 200: BatchSchema } },
    }, async (request) => {
      const principal = principalOf(request);
      return batchJson(await visibleBatch(principal, await loadBatch(db, principal.workspaceId, request.params.id)));
    });

    app.get('/imports/:id/errors', {
      config: { access: { authenticated: true } },
      schema: {
        tags, params: Type.Object({ id: Id }), querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({
          data: Type.Array(Type.Object({ row: Type.Number(), column: Type.Union([Type.String(), Type.Null()]), code: Type.String(), message: Type.String() })),
          next_cursor: Type.Union([Type.String(), Type.Null()]),
        }) },
      },
    }, async (request) => {
      const principal = principalOf(request);
      await visibleBatch(principal, await loadBatch(db, principal.workspaceId, request.params.id));
      return listImportErrors(db, principal.workspaceId, request.params.id, request.query.cursor ?? null, request.query.limit ?? 100);
    });

    app.get('/imports/:id/errors.csv', {
      config: { access: { authenticated: true } },
      schema: { tags, params: Type.Object({ id: Id }) },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const batch = await visibleBatch(principal, await loadBatch(db, principal.workspaceId, request.params.id));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${batch.id}-errors.csv"`)
        .header('cache-control', 'no-store')
        .send(errorReportCsv(db, principal.workspaceId, batch.id, batch.options.headers ?? []));
    });

    app.post('/imports/:id/undo', {
      config: { access: { authenticated: true } },
      schema: { tags, params: Type.Object({ id: Id }), response: { 202: Type.Object({ job_id: Type.String() }) } },
    }, async (request, reply) => {
      const principal = principalOf(request);
      await visibleBatch(principal, await loadBatch(db, principal.workspaceId, request.params.id));
      const jobId = await enqueueUndo(db, jobs, principal, request.params.id);
      return reply.status(202).send({ job_id: jobId });
    });

    app.get('/import-mappings', {
      config: { access: { authenticated: true } },
      schema: { tags, querystring: Type.Object({ object: Type.Optional(ObjectParam) }), response: { 200: Type.Object({ data: Type.Array(MappingSchema) }) } },
    }, async (request) => {
      const principal = principalOf(request);
      const { rows } = await sql<{ id: string; name: string; object: string; mapping: Record<string, string | null> }>`
        select id::text, name, object_type as object, mapping from import_mappings
        where workspace_id = ${principal.workspaceId} and (${request.query.object ?? null}::text is null or object_type = ${request.query.object ?? null})
        order by object_type, name`.execute(db);
      return { data: rows };
    });

    app.delete('/import-mappings/:id', {
      config: { access: { authenticated: true } },
      schema: { tags, params: Type.Object({ id: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const { rows } = await sql<{ object_type: string }>`select object_type from import_mappings where workspace_id = ${principal.workspaceId} and id = ${request.params.id}`.execute(db);
      if (!rows[0]) throw new AppError('NOT_FOUND', 'Mapping not found');
      assertCanImport(principal, rows[0].object_type);
      await sql`delete from import_mappings where workspace_id = ${principal.workspaceId} and id = ${request.params.id}`.execute(db);
      return reply.status(204).send(null);
    });
  };
}
