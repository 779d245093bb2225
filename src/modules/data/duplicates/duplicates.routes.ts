import { Type } from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { describeDedupeSettings, saveDedupeSettings } from './dedupe-settings.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import {
  DuplicateListQuery, DuplicatePairDetailSchema, DuplicatePairSchema, PairParams, ScanBody, SettingsBody, SettingsQuery, SettingsSchema,
} from './duplicate-schemas.ts';
import { getDuplicate } from './get-duplicate.ts';
import { listDuplicates } from './list-duplicates.ts';
import { assertMayReview } from './pair-json.ts';
import { registerScanJob, startScan } from './scan-job.ts';

const tags = ['duplicates'];

/**
 * Duplicate review. The object is in the query or body (or the pair), so each use case checks the role's
 * edit action on it; the settings change what everyone is proposed, so writing them is a settings action.
 */
export function duplicatesRoutes({ db, jobs }: ModuleDeps): ModulePlugin {
  registerScanJob(jobs, db);
  return async (app) => {
    app.post('/duplicates/scans', {
      config: { access: { authenticated: true } },
      schema: { tags, body: ScanBody, response: { 202: Type.Object({ job_id: Type.String() }) } },
    }, async (request, reply) => reply.status(202).send(await startScan(db, jobs, principalOf(request), request.body.object)));

    app.get('/duplicates', {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        querystring: DuplicateListQuery,
        response: { 200: Type.Object({ data: Type.Array(DuplicatePairSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => listDuplicates(db, principalOf(request), request.query));

    app.get('/duplicates/settings', {
      config: { access: { authenticated: true } },
      schema: { tags, querystring: SettingsQuery, response: { 200: SettingsSchema } },
    }, async (request) => {
      const principal = principalOf(request);
      assertMayReview(principal, request.query.object);
      return describeDedupeSettings(db, principal.workspaceId, request.query.object);
    });

    app.put('/duplicates/settings', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: { tags, body: SettingsBody, response: { 200: SettingsSchema } },
    }, async (request) => {
      const principal = principalOf(request);
      return saveDedupeSettings(db, principal.workspaceId, principal.userId, request.body);
    });

    app.get('/duplicates/:id', {
      config: { access: { authenticated: true } },
      schema: { tags, params: PairParams, response: { 200: DuplicatePairDetailSchema } },
    }, async (request) => getDuplicate(db, principalOf(request), request.params.id));

    app.post('/duplicates/:id/dismiss', {
      config: { access: { authenticated: true } },
      schema: { tags, params: PairParams, response: { 200: DuplicatePairSchema } },
    }, async (request) => dismissDuplicate(db, principalOf(request), request.params.id));
  };
}
