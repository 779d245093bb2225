import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { IdParams } from '../records/record-schemas.ts';
import type { RecordType } from '../records/record-type.ts';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.ts';

const SavedViewSchema = Type.Object({
  id: Type.String(),
  object: Type.String(),
  name: Type.String(),
  filter: Type.Unknown(),
  sort: Type.Union([Type.String(), Type.Null()]),
  columns: Type.Union([Type.Array(Type.String()), Type.Null()]),
  created_at: Type.String(),
});

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Sort = Type.Union([Type.String({ maxLength: 100 }), Type.Null()]);
const Columns = Type.Union([Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }), Type.Null()]);

/** Personal saved views (filter + sort + columns) of the record lists. */
export function savedViewRoutes({ db }: ModuleDeps, types: readonly RecordType[]): ModulePlugin {
  const byObject = new Map(types.map((t) => [t.object as string, t]));
  const ObjectSchema = Type.Union(types.map((t) => Type.Literal(t.object)));
  return async (app) => {
    app.get('/saved-views', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['saved-views'],
        querystring: Type.Object({ object: ObjectSchema }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(SavedViewSchema) }) },
      },
    }, async (request) => ({ data: await listSavedViews(db, principalOf(request), request.query.object) }));

    app.post('/saved-views', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['saved-views'],
        body: Type.Object({
          object: ObjectSchema,
          name: Name,
          filter: Type.Optional(Type.Unknown()),
          sort: Type.Optional(Sort),
          columns: Type.Optional(Columns),
        }, { additionalProperties: false }),
        response: { 201: SavedViewSchema },
      },
    }, async (request, reply) => {
      const type = byObject.get(request.body.object);
      if (!type) throw new AppError('VALIDATION_FAILED', 'Unknown object', { field: 'object' });
      return reply.status(201).send(await createSavedView(db, principalOf(request), type, request.body));
    });

    // Only the owner's own view: another user's id answers 404 (the use case checks).
    app.patch('/saved-views/:id', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['saved-views'],
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Name),
          filter: Type.Optional(Type.Unknown()),
          sort: Type.Optional(Sort),
          columns: Type.Optional(Columns),
        }, { additionalProperties: false }),
        response: { 200: SavedViewSchema },
      },
    }, async (request) => updateSavedView(db, principalOf(request), types, request.params.id, request.body));

    app.delete('/saved-views/:id', {
      config: { access: { authenticated: true } },
      schema: { tags: ['saved-views'], params: IdParams },
    }, async (request, reply) => {
      await deleteSavedView(db, principalOf(request), request.params.id);
      return reply.status(204).send();
    });
  };
}
