import Fastify, { type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { AppError, ERROR_CODES } from './errors.ts';
import { can, type Principal } from './access.ts';

export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

export type AppOptions = {
  logLevel: string;
  authenticate: Authenticator;
  bodyLimit?: number;
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The HTTP kernel: error mapping, the access guard and CSRF check. Modules register their routes on it;
 * a route under /api without `config.access` is refused at startup, so no route can be forgotten.
 */
export function createHttpApp(options: AppOptions) {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings and path params arrive as text and are coerced to their schema types; JSON bodies are
  // not: with coercion, `"expires_at": null` against `string | null` would silently become "".
  const bodyAjv = newAjv({ coerceTypes: false });
  const textAjv = newAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));

  app.decorateRequest('principal', null);
  void app.register(cookie);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    const principal = await options.authenticate(request);
    if (!principal) throw new AppError('AUTH_REQUIRED', 'Sign in or send a valid API key');
    if (principal.via === 'session' && MUTATING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || header !== principal.csrfToken) {
        throw new AppError('CSRF_TOKEN_MISSING', 'Missing or wrong x-csrf-token header');
      }
    }
    request.principal = principal;
    if ('object' in access && !can(principal, access.object, access.action)) {
      throw new AppError('PERMISSION_DENIED', `Your role may not ${access.action} ${access.object}`, {
        object: access.object,
        action: access.action,
      });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details ?? {} } });
    }
    const err = error as { validation?: unknown; statusCode?: number; code?: string; message: string };
    if (err.validation) {
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: err.message, details: { validation: err.validation } } });
    }
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large', details: {} } });
    }
    if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: err.message, details: {} } });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Too many requests', details: {} } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: err.message, details: {} } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Internal error', details: {} } });
  });

  return app;
}

function newAjv(options: AjvOptions): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, strict: false, ...options });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM
  const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (a: Ajv) => Ajv;
  addFormats(ajv);
  return ajv;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
export { ERROR_CODES };
