import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { findWorkspace, WorkspaceSchema } from './workspace-json.ts';
import { updateWorkspace } from './update-workspace.ts';
import { LOCALES } from './workspace-settings.ts';

const LocaleSchema = Type.Union(LOCALES.map((l) => Type.Literal(l)));

export function workspaceRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    app.get('/workspace', {
      config: { access: { authenticated: true } },
      schema: { tags: ['settings'], response: { 200: WorkspaceSchema } },
    }, async (request) => {
      const workspace = await findWorkspace(db, principalOf(request).workspaceId);
      if (!workspace) throw notFound('Workspace');
      return workspace;
    });

    app.patch('/workspace', {
      config: { access: { object: 'settings', action: 'edit' } },
      schema: {
        tags: ['settings'],
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
          default_region: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
          locale: Type.Optional(LocaleSchema),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
        }, { additionalProperties: false }),
        response: { 200: WorkspaceSchema },
      },
    }, async (request) => updateWorkspace(db, principalOf(request), request.body));
  };
}
