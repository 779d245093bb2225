import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { CUSTOM_FIELD_OBJECTS, FIELD_TYPES, FieldDefinitionSchema, loadFieldDefinitions, OptionSchema } from './field-definitions.ts';
import { createFieldDefinition } from './create-field-definition.ts';
import { updateFieldDefinition } from './update-field-definition.ts';
import { deleteFieldDefinition } from './delete-field-definition.ts';
import { registerFieldPurgeJob } from './purge-field-values.ts';

const ObjectSchema = Type.Enum(CUSTOM_FIELD_OBJECTS);
const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });
const Settable = {
  label: Type.String({ minLength: 1, maxLength: 200 }),
  label_zh: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  options: Type.Array(OptionSchema, { maxItems: 500 }),
  required: Type.Boolean(),
  unique: Type.Boolean(),
  sensitive: Type.Boolean(),
  is_identifier: Type.Boolean(),
  position: Type.Integer({ minimum: 0, maximum: 100000 }),
};

/** Custom field definitions (自定义字段). Anyone signed in reads them (forms need them); settings editors change them. */
export function customFieldRoutes({ db, jobs }: ModuleDeps): ModulePlugin {
  registerFieldPurgeJob(jobs, db);
  return async (app) => {
    app.get('/custom-fields', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['custom-fields'],
        querystring: Type.Object({ object: Type.Optional(ObjectSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(FieldDefinitionSchema) }) },
      },
    }, async (request) => {
      const p = principalOf(request);
      const objects = request.query.object ? [request.query.object] : [...CUSTOM_FIELD_OBJECTS];
      const data = (await Promise.all(objects.map((o) => loadFieldDefinitions(db, p.workspaceId, o)))).flat();
      return { data };
    });

    app.post('/custom-fields', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['custom-fields'],
        body: Type.Object({
          object: ObjectSchema,
          key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
          type: Type.Enum(FIELD_TYPES),
          label: Settable.label,
          label_zh: Type.Optional(Settable.label_zh),
          options: Type.Optional(Settable.options),
          required: Type.Optional(Settable.required),
          unique: Type.Optional(Settable.unique),
          sensitive: Type.Optional(Settable.sensitive),
          is_identifier: Type.Optional(Settable.is_identifier),
          position: Type.Optional(Settable.position),
        }, { additionalProperties: false }),
        response: { 201: FieldDefinitionSchema },
      },
    }, async (request, reply) => {
      const created = await createFieldDefinition(db, principalOf(request), request.body);
      return reply.status(201).send(created);
    });

    app.patch('/custom-fields/:id', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['custom-fields'],
        params: IdParams,
        body: Type.Object({
          label: Type.Optional(Settable.label),
          label_zh: Type.Optional(Settable.label_zh),
          options: Type.Optional(Settable.options),
          required: Type.Optional(Settable.required),
          unique: Type.Optional(Settable.unique),
          sensitive: Type.Optional(Settable.sensitive),
          is_identifier: Type.Optional(Settable.is_identifier),
          position: Type.Optional(Settable.position),
        }, { additionalProperties: false }),
        response: { 200: FieldDefinitionSchema },
      },
    }, async (request) => updateFieldDefinition(db, principalOf(request), request.params.id, request.body));

    app.delete('/custom-fields/:id', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['custom-fields'],
        params: IdParams,
        description: 'The field disappears at once; a job (GET /jobs/{job_id}) removes its values from the records, then the '
          + 'definition, and until it has finished the key cannot be created again (FIELD_DELETE_PENDING). Deleting the '
          + 'field again answers with the same job while it is queued or running, and resumes the work after a failed or cancelled one.',
        response: { 202: Type.Object({ job_id: Type.String() }) },
      },
    }, async (request, reply) => {
      const started = await deleteFieldDefinition(db, jobs, principalOf(request), request.params.id);
      return reply.status(202).send(started);
    });
  };
}
