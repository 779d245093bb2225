import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import type { Config } from './platform/config/config.ts';
import type { Db } from './platform/db/database.ts';
import { createHttpApp } from './platform/http/app.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';
import { accountsModule, makeAuthenticator, PrincipalCache } from './modules/accounts/index.ts';
import { poolOf } from './platform/db/database.ts';
import { customersModule } from './modules/customers/index.ts';
import { dataModule } from './modules/data/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT, 'dist', 'web');

export type ServerOptions = {
  db: Db;
  config: Config;
  serveWeb?: boolean;
  jobs?: Jobs;
  /** keep authenticated principals (ADR 18): `relata serve` and bench:core, per config.principalCache; off in tests unless asked */
  principalCache?: boolean;
};

/** Requests after which this process drops its principals at once, not only on the notification (ADR 18). */
const ACCOUNT_CHANGES = /^\/api\/v1\/(auth|me|users|roles|departments|api-keys|workspace|custom-fields)(\/|\?|$)/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The composition root: the HTTP kernel, the OpenAPI document and every module's routes. */
export async function buildServer({ db, config, serveWeb = true, jobs = new Jobs({ db }), principalCache = false }: ServerOptions) {
  const cache = principalCache ? new PrincipalCache(poolOf(db)) : null;
  const app = createHttpApp({ logLevel: config.logLevel, authenticate: makeAuthenticator(db, cache) });
  if (cache) {
    await cache.start();
    app.addHook('onClose', async () => cache.close());
    // this process's own changes apply to its next request, before the notification comes back
    app.addHook('onSend', async (request, reply) => {
      if (MUTATING.has(request.method) && reply.statusCode < 400 && ACCOUNT_CHANGES.test(request.url)) cache.invalidate();
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Relata API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'relata_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  const deps = { db, config, jobs };
  app.decorate('jobs', jobs);
  await app.register(async (api) => {
    api.get('/health', {
      config: { access: { public: true } },
      schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.String() }) } },
    }, async () => ({ status: 'ok' }));
    await api.register(jobsRoutes(db));
    await api.register(accountsModule(deps));
    await api.register(customersModule(deps));
    await api.register(dataModule(deps));
    await api.register(notificationsModule(deps));
  }, { prefix: '/api/v1' });

  const webBuilt = serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (webBuilt) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  // client-side routes (/contacts/42 …) get the SPA shell; unknown /api paths stay JSON 404s
  app.setNotFoundHandler((request, reply) => {
    if (!webBuilt || request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `Route ${request.method} ${request.url} not found`, details: {} } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
