import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from './config/config.ts';
import type { Db } from './db/database.ts';
import type { Jobs } from './jobs/jobs.ts';

/** What the composition root hands every module. */
export type ModuleDeps = { db: Db; config: Config; jobs: Jobs };

/** A module's HTTP face: a fastify plugin registered under /api/v1. */
export type ModulePlugin = FastifyPluginAsyncTypebox;
