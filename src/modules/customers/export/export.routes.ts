import { PassThrough, type Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { COUNT_CAP } from '../../../platform/http/pagination.ts';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { exportFileName, openExportDownload, registerExportJob, startExportJob } from './export-job.ts';
import { assertFitsFormat, countExport, planExport, writeExport } from './export-records.ts';
import { EXPORT_FORMATS, EXPORT_OBJECTS, type ExportObject, type ExportRequest } from './export-request.ts';
import { CONTENT_TYPES } from './export-sinks.ts';

const tags = ['exports'];

/** Exports up to this many rows stream straight into the response; larger ones run as a job. */
export const DIRECT_EXPORT_LIMIT = COUNT_CAP;

const ExportQuery = Type.Object({
  format: Type.Optional(Type.Enum(EXPORT_FORMATS, { default: 'csv' })),
  filter: Type.Optional(Type.String({ maxLength: 20000 })),
  sort: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  columns: Type.Optional(Type.String({ maxLength: 5000, description: 'comma-separated headers, in order' })),
  lines: Type.Optional(Type.Boolean({ description: 'orders only: one row per order line' })),
}, { additionalProperties: false });

const ExportBody = Type.Object({
  object: Type.Enum(EXPORT_OBJECTS),
  format: Type.Enum(EXPORT_FORMATS),
  filter: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  sort: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  columns: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })),
  lines: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const FileResponse = {
  description: 'The file (CSV: UTF-8 with BOM, CRLF, RFC 4180; XLSX: one sheet)',
  content: {
    // a stream in the handler, a string of bytes on the wire (and in the OpenAPI document)
    [CONTENT_TYPES.csv]: { schema: Type.Unsafe<Readable>({ type: 'string' }) },
    [CONTENT_TYPES.xlsx]: { schema: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }) },
  },
};

function toRequest(object: ExportObject, query: Static<typeof ExportQuery>): ExportRequest {
  if (query.lines && object !== 'orders') throw new AppError('VALIDATION_FAILED', 'lines applies to orders only', { field: 'lines' });
  const columns = query.columns?.split(',').map((c) => c.trim()).filter((c) => c !== '');
  return { object, format: query.format ?? 'csv', filter: query.filter, sort: query.sort, q: query.q, columns, lines: query.lines };
}

export function exportRoutes({ db, config, jobs }: ModuleDeps): ModulePlugin {
  registerExportJob(jobs, db, config.dataDir);
  return async (app) => {
    for (const object of EXPORT_OBJECTS) {
      app.get(`/${object}/export`, {
        config: { access: { object, action: 'export' } },
        schema: { tags, querystring: ExportQuery, response: { 200: FileResponse } },
      }, async (request, reply) => {
        const principal = principalOf(request);
        const exportRequest = toRequest(object, request.query);
        const plan = await planExport(db, principal, exportRequest);
        const counted = await countExport(db, plan, DIRECT_EXPORT_LIMIT);
        if (counted > DIRECT_EXPORT_LIMIT) {
          throw new AppError('EXPORT_REQUIRES_JOB', `More than ${DIRECT_EXPORT_LIMIT.toLocaleString('en')} rows: start a background export`, {
            limit: DIRECT_EXPORT_LIMIT,
            endpoint: 'POST /api/v1/exports',
          });
        }
        await assertFitsFormat(db, plan, counted);
        const filename = await exportFileName(db, principal.workspaceId, object, exportRequest.format);
        const body = new PassThrough();
        // headers are sent with the first byte; a failure after that can only cut the download short
        writeExport(db, plan, body, { total: counted }).catch((error: unknown) => {
          request.log.error({ err: error }, 'export stream failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply
          .header('content-type', CONTENT_TYPES[exportRequest.format])
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(body);
      });
    }

    app.post('/exports', {
      // the object is in the body: the use case checks the role's export action on it (403 otherwise)
      config: { access: { authenticated: true } },
      schema: { tags, body: ExportBody, response: { 202: Type.Object({ job_id: Type.String() }) } },
    }, async (request, reply) => {
      const { lines, object } = request.body;
      if (lines && object !== 'orders') throw new AppError('VALIDATION_FAILED', 'lines applies to orders only', { field: 'lines' });
      const result = await startExportJob(db, jobs, principalOf(request), { ...request.body, filter: request.body.filter ?? undefined });
      return reply.status(202).send(result);
    });

    app.get('/exports/:jobId/download', {
      config: { access: { authenticated: true } },
      schema: { tags, params: Type.Object({ jobId: Type.String({ pattern: '^[0-9]{1,18}$' }) }), response: { 200: FileResponse } },
    }, async (request, reply) => {
      const file = await openExportDownload(db, config.dataDir, principalOf(request), request.params.jobId);
      return reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    });
  };
}
