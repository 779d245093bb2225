import { Type } from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { DataQualityQuery, DataQualitySchema, SnapshotBody } from './data-quality.schemas.ts';
import { getDataQuality } from './get-data-quality.ts';
import { registerSnapshotJob, startSnapshotJob } from './snapshot-job.ts';

const tags = ['data-quality'];

export function dataQualityRoutes({ db, jobs }: ModuleDeps): ModulePlugin {
  registerSnapshotJob(jobs, db);
  return async (app) => {
    // the object comes from the query string: its view permission is checked in the use case
    app.get('/data-quality', {
      config: { access: { authenticated: true } },
      schema: { tags, querystring: DataQualityQuery, response: { 200: DataQualitySchema } },
    }, async (request) => getDataQuality(db, principalOf(request), request.query));

    // a workspace-wide measurement, for schedulers: an administrative action, not a page view
    app.post('/data-quality/snapshots', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: { tags, body: SnapshotBody, response: { 202: Type.Object({ job_id: Type.String() }) } },
    }, async (request, reply) => {
      const principal = principalOf(request);
      return reply.status(202).send(await startSnapshotJob(db, jobs, principal.workspaceId, principal.userId, request.body.object ?? null));
    });
  };
}
