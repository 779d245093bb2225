import { Type } from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { registerBulkMergeJob, startBulkMerge } from './bulk-merge.ts';
import { listMerges } from './list-merges.ts';
import { mergeRecords } from './merge-records.ts';
import { BulkMergeBody, MergeBody, MergeListQuery, MergeParams, MergeResult, MergeSchema, UndoResult } from './merge.schemas.ts';
import { undoMerge } from './undo-merge.ts';

const tags = ['merges'];

/**
 * Merge of duplicate contacts and companies. The object is in the body (or the merge), so each use case
 * checks the role's action on it: edit to merge or undo, bulk (and edit) for a bulk merge, view to list.
 */
export function mergeRoutes({ db, jobs }: ModuleDeps): ModulePlugin {
  registerBulkMergeJob(jobs, db);
  return async (app) => {
    app.post('/merges', {
      config: { access: { authenticated: true } },
      schema: { tags, body: MergeBody, response: { 200: MergeResult } },
    }, async (request) => mergeRecords(db, principalOf(request), request.body));

    app.post('/merges/bulk', {
      config: { access: { authenticated: true } },
      schema: { tags, body: BulkMergeBody, response: { 202: Type.Object({ job_id: Type.String() }) } },
    }, async (request, reply) => reply.status(202).send(await startBulkMerge(db, jobs, principalOf(request), request.body)));

    app.get('/merges', {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        querystring: MergeListQuery,
        response: { 200: Type.Object({ data: Type.Array(MergeSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => listMerges(db, principalOf(request), request.query));

    app.post('/merges/:id/undo', {
      config: { access: { authenticated: true } },
      schema: { tags, params: MergeParams, response: { 200: UndoResult } },
    }, async (request) => undoMerge(db, principalOf(request), request.params.id));
  };
}
