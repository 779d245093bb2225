import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { bulkUpdate } from './bulk-update.ts';
import { addCollaborator, listCollaborators, removeCollaborator } from './collaborators.ts';
import { listHistory } from './list-history.ts';
import { listTrash } from './list-trash.ts';
import { IdParams, IdString } from './record-schemas.ts';
import type { RecordType } from './record-type.ts';

const CollaboratorSchema = Type.Object({
  user_id: Type.String(),
  user_name: Type.String(),
  access: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  expires_at: Type.Union([Type.String(), Type.Null()]),
  expired: Type.Boolean(),
  created_at: Type.String(),
});

const HistorySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor_id: Type.Union([Type.String(), Type.Null()]),
  actor_name: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  changes: Type.Record(Type.String(), Type.Unknown()),
});

const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

/**
 * The routes every record type shares: history, collaborators and bulk actions under /<object>/….
 * Registered once per record type from the module's index.
 */
export function recordRoutes({ db }: ModuleDeps, type: RecordType): ModulePlugin {
  const base = `/${type.object}`;
  const tags = [type.object];
  return async (app) => {
    app.get(`${base}/:id/history`, {
      config: { access: { object: type.object, action: 'view' } },
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Type.Object({ data: Type.Array(HistorySchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => listHistory(db, principalOf(request), type, request.params.id, request.query));

    app.get(`${base}/:id/collaborators`, {
      config: { access: { object: type.object, action: 'view' } },
      schema: { tags, params: IdParams, response: { 200: Type.Object({ data: Type.Array(CollaboratorSchema) }) } },
    }, async (request) => ({ data: await listCollaborators(db, principalOf(request), type, request.params.id) }));

    app.post(`${base}/:id/collaborators`, {
      config: { access: { object: type.object, action: 'edit' } },
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({
          user_id: IdString,
          access: Type.Union([Type.Literal('read'), Type.Literal('write')]),
          expires_at: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
        }, { additionalProperties: false }),
        response: { 201: CollaboratorSchema },
      },
    }, async (request, reply) => reply.status(201).send(await addCollaborator(db, principalOf(request), type, request.params.id, request.body)));

    app.delete(`${base}/:id/collaborators/:userId`, {
      config: { access: { object: type.object, action: 'edit' } },
      schema: { tags, params: Type.Object({ id: IdString, userId: IdString }, { additionalProperties: false }) },
    }, async (request, reply) => {
      await removeCollaborator(db, principalOf(request), type, request.params.id, request.params.userId);
      return reply.status(204).send();
    });

    app.post(`${base}/bulk`, {
      config: { access: { object: type.object, action: 'bulk' } },
      schema: {
        tags,
        body: Type.Object({
          ids: Type.Optional(Type.Array(IdString, { minItems: 1, maxItems: 10000 })),
          filter: Type.Optional(Type.Unknown()),
          action: Type.Union([Type.Literal('tag'), Type.Literal('untag'), Type.Literal('change_owner'), Type.Literal('delete')]),
          tag: Type.Optional(Type.String({ maxLength: 1000 })),
          owner_id: Type.Optional(IdString),
        }, { additionalProperties: false }),
        response: { 200: Type.Object({ affected: Type.Integer() }) },
      },
    }, async (request) => bulkUpdate(db, principalOf(request), type, request.body));
  };
}

/** `GET /trash?object=…`: the caller's view permission on that object is checked inside. */
export function trashRoutes({ db }: ModuleDeps, types: readonly RecordType[]): ModulePlugin {
  const byObject = new Map(types.map((t) => [t.object as string, t]));
  return async (app) => {
    app.get('/trash', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trash'],
        querystring: Type.Object({
          object: Type.Union(types.map((t) => Type.Literal(t.object))),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
        }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            data: Type.Array(Type.Object({
              object: Type.String(),
              id: Type.String(),
              title: Type.Union([Type.String(), Type.Null()]),
              owner_id: Type.Union([Type.String(), Type.Null()]),
              owner_name: Type.Union([Type.String(), Type.Null()]),
              deleted_at: Type.String(),
            })),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
            total: Type.Integer(),
            total_capped: Type.Boolean(),
          }),
        },
      },
    }, async (request) => {
      const type = byObject.get(request.query.object);
      if (!type) throw new AppError('VALIDATION_FAILED', 'Unknown object', { field: 'object' });
      return listTrash(db, principalOf(request), type, request.query);
    });
  };
}
