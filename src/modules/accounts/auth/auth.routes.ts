import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { findUser, UserSchema } from '../users/user-json.ts';
import { findWorkspace, WorkspaceSchema } from '../workspaces/workspace-json.ts';
import { logIn, logOut } from './log-in.ts';
import { SESSION_COOKIE, SESSION_DAYS } from './tokens.ts';

const PermissionsSchema = Type.Object({
  objects: Type.Record(Type.String(), Type.Object({ actions: Type.Array(Type.String()), scope: Type.String() })),
  fields: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
  masks: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
});

export function authRoutes({ db, config }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.post('/auth/login', {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }),
        response: { 200: Type.Object({ user: UserSchema, csrf_token: Type.String() }) },
      },
    }, async (request, reply) => {
      const result = await logIn(db, { ...request.body, ip: request.ip, maxAttempts: config.loginMaxAttempts });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: SESSION_DAYS * 86400,
      });
      const user = await findUser(db, result.workspaceId, result.userId);
      if (!user) throw notFound('User');
      return { user, csrf_token: result.csrfToken };
    });

    app.post('/auth/logout', {
      config: { access: { authenticated: true } },
      schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/auth/me', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        response: {
          200: Type.Object({ user: UserSchema, workspace: WorkspaceSchema, permissions: PermissionsSchema, role_key: Type.String(), csrf_token: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    }, async (request) => {
      const p = principalOf(request);
      const [user, workspace] = await Promise.all([findUser(db, p.workspaceId, p.userId), findWorkspace(db, p.workspaceId)]);
      if (!user || !workspace) throw notFound('User');
      return { user, workspace, permissions: p.permissions, role_key: p.roleKey, csrf_token: p.csrfToken };
    });
  };
}
