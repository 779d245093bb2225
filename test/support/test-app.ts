import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { buildServer } from '../../src/server.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { createWorkspace, hashPassword } from '../../src/modules/accounts/index.ts';
import { testDatabase } from './test-db.ts';

export type TestApp = Awaited<ReturnType<typeof buildServer>>;

/** Call at the top level of a test file: a server on the file's own database. */
export async function testApp(options: { principalCache?: boolean } = {}): Promise<{ app: TestApp; db: Db; url: string }> {
  const { database, url } = await testDatabase();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), loginMaxAttempts: 5 };
  const app = await buildServer({ db: database.db, config, serveWeb: false, principalCache: options.principalCache ?? false });
  await app.ready();
  afterAll(async () => {
    await app.close();
  });
  return { app, db: database.db, url };
}

/**
 * Call at the top level of a test file: a server whose job workers run (exports, imports …), on the file's
 * own database and a private data directory, all stopped and removed after the file.
 */
export async function testAppWithJobs(prefix: string): Promise<{ app: TestApp; db: Db; jobs: Jobs; dataDir: string; url: string }> {
  const { database, url } = await testDatabase();
  const db = database.db;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const jobs = new Jobs({ db });
  const app = await buildServer({ db, config: { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir }, serveWeb: false, jobs });
  await app.ready();
  await jobs.start({ work: true });
  afterAll(async () => {
    await jobs.stop();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, db, jobs, dataDir, url };
}

export const PASSWORD = 'Correct-Horse-9';

export type TestWorkspace = { workspaceId: string; adminId: string; departmentId: string; adminEmail: string };

export async function newWorkspace(db: Db, name = 'Test Co'): Promise<TestWorkspace> {
  const adminEmail = `admin-${crypto.randomBytes(5).toString('hex')}@example.com`;
  const ws = await createWorkspace(db, { name, adminEmail, adminName: 'Admin', adminPassword: PASSWORD });
  return { ...ws, adminEmail };
}

export async function newDepartment(db: Db, workspaceId: string, name: string, parentId: string | null): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into departments (workspace_id, name, parent_id) values (${workspaceId}, ${name}, ${parentId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

let cachedHash: Promise<string> | undefined;

export async function newUser(
  db: Db,
  workspaceId: string,
  options: { roleKey?: string; departmentId?: string | null; managerId?: string | null; name?: string } = {},
): Promise<{ id: string; email: string }> {
  cachedHash ??= hashPassword(PASSWORD);
  const email = `user-${crypto.randomBytes(5).toString('hex')}@example.com`;
  const { rows } = await sql<{ id: string }>`
    insert into users (workspace_id, email, name, password_hash, department_id, manager_id, role_id)
    select ${workspaceId}, ${email}, ${options.name ?? email}, ${await cachedHash}, ${options.departmentId ?? null}, ${options.managerId ?? null}, id
    from roles where workspace_id = ${workspaceId} and key = ${options.roleKey ?? 'sales'}
    returning id::text`.execute(db);
  if (!rows[0]) throw new Error(`no role ${options.roleKey}`);
  return { id: rows[0].id, email };
}

export type Session = { cookie: string; csrf: string };

export async function logInAs(app: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'relata_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `relata_session=${cookie.value}`, csrf: (res.json() as { csrf_token: string }).csrf_token };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A small client for app.inject with a session: JSON in, { status, body } out. */
export function client(app: TestApp, session: Session | { bearer: string }) {
  const headers = 'bearer' in session ? { authorization: `Bearer ${session.bearer}` } : { cookie: session.cookie, 'x-csrf-token': session.csrf };
  async function call<T = any>(method: Method, url: string, payload?: unknown): Promise<{ status: number; body: T }> {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.body ? (res.json() as T) : (undefined as T) };
  }
  return {
    get: <T = any>(url: string) => call<T>('GET', url),
    post: <T = any>(url: string, body?: unknown) => call<T>('POST', url, body ?? {}),
    patch: <T = any>(url: string, body: unknown) => call<T>('PATCH', url, body),
    put: <T = any>(url: string, body: unknown) => call<T>('PUT', url, body),
    delete: <T = any>(url: string) => call<T>('DELETE', url),
  };
}
export type Client = ReturnType<typeof client>;

/** A new workspace with its administrator and two sales reps (own scope), each signed in. */
export async function adminAndTwoReps(app: TestApp, db: Db) {
  const ws = await newWorkspace(db);
  const admin = client(app, await logInAs(app, ws.adminEmail));
  const repA = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Rep A' });
  const repB = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Rep B' });
  const a = client(app, await logInAs(app, repA.email));
  const b = client(app, await logInAs(app, repB.email));
  return { ws, admin, repA, repB, a, b };
}
