import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { SESSION_COOKIE } from '../auth/tokens.ts';
import { LOCALES } from '../workspaces/workspace-settings.ts';
import { findUser, IdString, UserSchema } from './user-json.ts';
import { listUsers } from './list-users.ts';
import { createUser } from './create-user.ts';
import { updateUser } from './update-user.ts';
import { deactivateUser, reactivateUser } from './set-user-active.ts';
import { handOverRecords, HANDOVER_KEYS } from './hand-over-records.ts';
import { updateMe } from './update-me.ts';

const Params = Type.Object({ id: IdString });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 });
const Locale = Type.Union([...LOCALES.map((l) => Type.Literal(l)), Type.Null()]);
const NullableId = Type.Union([IdString, Type.Null()]);
const Version = Type.Integer({ minimum: 1 });
const HandoverSchema = Type.Object({
  moved: Type.Object(Object.fromEntries(HANDOVER_KEYS.map((key) => [key, Type.Integer()]))),
});

export function userRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    // Readable by every signed-in user: owner, assignee and mention pickers list them. No password hash leaves the database.
    app.get('/users', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['settings'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          active: Type.Optional(Type.Boolean()),
          department_id: Type.Optional(IdString),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          cursor: Type.Optional(Type.String({ maxLength: 1000 })),
        }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(UserSchema), next_cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer(), total_capped: Type.Boolean() }),
        },
      },
    }, async (request) => listUsers(db, principalOf(request).workspaceId, request.query));

    app.get('/users/:id', {
      config: { access: { authenticated: true } },
      schema: { tags: ['settings'], params: Params, response: { 200: UserSchema } },
    }, async (request) => {
      const user = await findUser(db, principalOf(request).workspaceId, request.params.id);
      if (!user) throw notFound('User');
      return user;
    });

    app.post('/users', {
      config: { access: { object: 'settings', action: 'create' } },
      schema: {
        tags: ['settings'],
        body: Type.Object({
          name: Name,
          email: Type.String({ minLength: 3, maxLength: 320 }),
          password: Type.Optional(Password),
          department_id: Type.Optional(NullableId),
          manager_id: Type.Optional(NullableId),
          role_id: Type.Optional(IdString),
          locale: Type.Optional(Locale),
        }, { additionalProperties: false }),
        response: { 201: UserSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createUser(db, principalOf(request), request.body)));

    app.patch('/users/:id', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['settings'],
        params: Params,
        // email is the sign-in name and stays as created; a password here is an administrator's reset
        body: Type.Object({
          name: Type.Optional(Name),
          department_id: Type.Optional(NullableId),
          manager_id: Type.Optional(NullableId),
          role_id: Type.Optional(IdString),
          locale: Type.Optional(Locale),
          password: Type.Optional(Password),
          version: Type.Optional(Version),
        }, { additionalProperties: false }),
        response: { 200: UserSchema },
      },
    }, async (request) => updateUser(db, principalOf(request), request.params.id, request.body));

    app.post('/users/:id/deactivate', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: { tags: ['settings'], params: Params, response: { 200: UserSchema } },
    }, async (request) => deactivateUser(db, principalOf(request), request.params.id));

    app.post('/users/:id/reactivate', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: { tags: ['settings'], params: Params, response: { 200: UserSchema } },
    }, async (request) => reactivateUser(db, principalOf(request), request.params.id));

    app.post('/users/:id/handover', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['settings'],
        params: Params,
        body: Type.Object({ to_user_id: IdString }, { additionalProperties: false }),
        response: { 200: HandoverSchema },
      },
    }, async (request) => handOverRecords(db, principalOf(request), request.params.id, request.body.to_user_id));

    app.patch('/me', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        body: Type.Object({
          name: Type.Optional(Name),
          locale: Type.Optional(Locale),
          password: Type.Optional(Password),
          current_password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
        }, { additionalProperties: false }),
        response: { 200: UserSchema },
      },
    }, async (request) => updateMe(db, principalOf(request), request.body, request.cookies[SESSION_COOKIE]));
  };
}
