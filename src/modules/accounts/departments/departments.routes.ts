import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { IdString } from '../users/user-json.ts';
import { DepartmentSchema, listDepartments } from './department-json.ts';
import { createDepartment } from './create-department.ts';
import { updateDepartment } from './update-department.ts';
import { deleteDepartment } from './delete-department.ts';

const Params = Type.Object({ id: IdString });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const ParentId = Type.Union([IdString, Type.Null()]);

export function departmentRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    // Readable by every signed-in user: owner and department pickers need the tree.
    app.get('/departments', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['settings'],
        response: { 200: Type.Object({ data: Type.Array(DepartmentSchema), next_cursor: Type.Null(), total: Type.Integer(), total_capped: Type.Boolean() }) },
      },
    }, async (request) => {
      const data = await listDepartments(db, principalOf(request).workspaceId);
      return { data, next_cursor: null, total: data.length, total_capped: false };
    });

    app.post('/departments', {
      config: { access: { object: 'settings', action: 'create' } },
      schema: {
        tags: ['settings'],
        body: Type.Object({ name: Name, parent_id: Type.Optional(ParentId) }, { additionalProperties: false }),
        response: { 201: DepartmentSchema },
      },
    }, async (request, reply) => {
      const created = await createDepartment(db, principalOf(request), request.body);
      return reply.status(201).send(created);
    });

    app.patch('/departments/:id', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['settings'],
        params: Params,
        body: Type.Object({ name: Type.Optional(Name), parent_id: Type.Optional(ParentId), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: DepartmentSchema },
      },
    }, async (request) => updateDepartment(db, principalOf(request), request.params.id, request.body));

    app.delete('/departments/:id', {
      config: { access: { object: 'settings', action: 'delete' } },
      schema: { tags: ['settings'], params: Params, response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    }, async (request) => {
      await deleteDepartment(db, principalOf(request), request.params.id);
      return { ok: true };
    });
  };
}
