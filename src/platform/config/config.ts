import path from 'node:path';
import { z } from 'zod';

// Environment is parsed once, at the edge, so the rest of the code gets typed values.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  RELATA_DATA_DIR: z.string().default('./.relata'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  RELATA_ADMIN_PASSWORD: z.string().min(8).optional(),
  RELATA_DEMO_DATA: z.enum(['none', 'small', 'full']).default('full'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELATA_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  RELATA_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  RELATA_PRINCIPAL_CACHE: z.enum(['0', '1']).default('1'),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  adminPassword: string | undefined;
  demoData: 'none' | 'small' | 'full';
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  secureCookies: boolean;
  loginMaxAttempts: number;
  /** `relata serve` keeps authenticated principals, dropped on change notifications (ADR 18) */
  principalCache: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.RELATA_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    adminPassword: e.RELATA_ADMIN_PASSWORD,
    demoData: e.RELATA_DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.RELATA_SECURE_COOKIES === '1',
    loginMaxAttempts: e.RELATA_LOGIN_MAX_ATTEMPTS,
    principalCache: e.RELATA_PRINCIPAL_CACHE === '1',
  };
}
