import { Type } from 'typebox';
import type { ModuleDeps, ModulePlugin } from '../../../platform/module.ts';
import { can, principalOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { IdString } from '../users/user-json.ts';
import { ApiKeySchema, findApiKey, listApiKeys } from './api-key-json.ts';
import { assertScopesWithinCaller, SCOPE_PATTERN } from './api-key-scopes.ts';
import { createApiKey } from './create-api-key.ts';
import { revokeApiKey } from './revoke-api-key.ts';

const Params = Type.Object({ id: IdString });

export function apiKeyRoutes({ db }: ModuleDeps): ModulePlugin {
  return async (app) => {
    // Every user manages their own keys; settings administrators see the workspace's.
    app.get('/api-keys', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['settings'],
        response: { 200: Type.Object({ data: Type.Array(ApiKeySchema), next_cursor: Type.Null(), total: Type.Integer(), total_capped: Type.Boolean() }) },
      },
    }, async (request) => {
      const p = principalOf(request);
      const data = await listApiKeys(db, p.workspaceId, can(p, 'settings', 'view') ? null : p.userId);
      return { data, next_cursor: null, total: data.length, total_capped: false };
    });

    app.post('/api-keys', {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['settings'],
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
          scopes: Type.Optional(Type.Array(Type.String({ pattern: SCOPE_PATTERN }), { maxItems: 50, uniqueItems: true })),
        }, { additionalProperties: false }),
        response: { 201: Type.Object({ ...ApiKeySchema.properties, key: Type.String() }) },
      },
    }, async (request, reply) => {
      const p = principalOf(request);
      const scopes = request.body.scopes ?? [];
      assertScopesWithinCaller(p, scopes);
      const created = await createApiKey(db, { workspaceId: p.workspaceId, userId: p.userId, name: request.body.name.trim(), scopes, actorId: p.userId });
      const key = await findApiKey(db, p.workspaceId, created.id, p.userId);
      if (!key) throw notFound('API key');
      // the only time the key itself is shown; only its hash is stored
      return reply.status(201).send({ ...key, key: created.key });
    });

    app.delete('/api-keys/:id', {
      config: { access: { authenticated: true } },
      schema: { tags: ['settings'], params: Params, response: { 200: ApiKeySchema } },
    }, async (request) => revokeApiKey(db, principalOf(request), request.params.id));
  };
}
