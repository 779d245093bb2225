import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { IdString } from '../users/user-json.ts';
import { PermissionsInput } from './permissions-schema.ts';
import { findRole, listRoles, RoleSchema } from './role-json.ts';
import { createRole } from './create-role.ts';
import { updateRole } from './update-role.ts';
import { deleteRole } from './delete-role.ts';

const Params = Type.Object({ id: IdString });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export function roleRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    // Readable by every signed-in user: the user form's role picker and the UI's own permission checks need them.
    app.get('/roles', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['settings'],
        response: { 200: Type.Object({ data: Type.Array(RoleSchema), next_cursor: Type.Null(), total: Type.Integer(), total_capped: Type.Boolean() }) },
      },
    }, async (request) => {
      const data = await listRoles(db, principalOf(request).workspaceId);
      return { data, next_cursor: null, total: data.length, total_capped: false };
    });

    app.get('/roles/:id', {
      config: { access: { authenticated: true } },
      schema: { tags: ['settings'], params: Params, response: { 200: RoleSchema } },
    }, async (request) => {
      const role = await findRole(db, principalOf(request).workspaceId, request.params.id);
      if (!role) throw notFound('Role');
      return role;
    });

    app.post('/roles', {
      config: { access: { object: 'settings', action: 'create' } },
      schema: {
        tags: ['settings'],
        body: Type.Object({ key: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), name: Name, permissions: PermissionsInput }, { additionalProperties: false }),
        response: { 201: RoleSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createRole(db, principalOf(request), request.body)));

    app.patch('/roles/:id', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['settings'],
        params: Params,
        body: Type.Object({ name: Type.Optional(Name), permissions: Type.Optional(PermissionsInput), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: RoleSchema },
      },
    }, async (request) => updateRole(db, principalOf(request), request.params.id, request.body));

    app.delete('/roles/:id', {
      config: { access: { object: 'settings', action: 'delete' } },
      schema: { tags: ['settings'], params: Params, response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    }, async (request) => {
      await deleteRole(db, principalOf(request), request.params.id);
      return { ok: true };
    });
  };
}
