import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { Jobs, type JobContext } from '../../src/platform/jobs/jobs.ts';
import { FIELD_PURGE_JOB_KIND, fieldPurgeJobHandler } from '../../src/modules/customers/fields/purge-field-values.ts';
import { client, logInAs, newUser, newWorkspace, type Client } from '../support/test-app.ts';
import { testDatabase } from '../support/test-db.ts';

// The API server runs no job workers (relata serve --role api): a deletion's job stays queued until a test
// runs a worker, so what the API shows between the DELETE and the job can be checked without a race.
const { database } = await testDatabase();
const db = database.db;
const config = loadConfig({ LOG_LEVEL: 'silent' });
const jobs = new Jobs({ db });
const app = await buildServer({ db, config, serveWeb: false, jobs });
await app.ready();
await jobs.start({ work: false });
afterAll(async () => {
  await jobs.stop();
  await app.close();
});

type Job = { id: string; kind: string; status: string; progress: { done: number; total: number | null }; message: string | null; result: Record<string, unknown> | null };

/** A worker process (relata serve --role worker) for as long as it takes `jobId` to finish. */
async function runJobs(api: Client, jobId: string): Promise<Job> {
  const workerJobs = new Jobs({ db });
  const worker = await buildServer({ db, config, serveWeb: false, jobs: workerJobs });
  await worker.ready();
  await workerJobs.start({ work: true });
  try {
    for (let i = 0; i < 300; i++) {
      const job = (await api.get<Job>(`/api/v1/jobs/${jobId}`)).body;
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  } finally {
    await workerJobs.stop();
    await worker.close();
  }
}

async function adminOf() {
  const ws = await newWorkspace(db);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function createField(api: Client, body: Record<string, unknown>): Promise<string> {
  const res = await api.post('/api/v1/custom-fields', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function createContact(api: Client, attributes: Record<string, unknown>): Promise<string> {
  const res = await api.post('/api/v1/contacts', { last_name: 'Field', attributes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Stored (unmasked, unfiltered) attributes of a workspace's contacts that hold `key`, trashed ones included. */
async function holders(workspaceId: string, key: string, table: 'contacts' | 'companies' = 'contacts'): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select r.id::text as id from ${sql.table(table)} r where r.workspace_id = ${workspaceId} and r.attributes ? ${key}::text order by r.id`.execute(db);
  return rows.map((r) => r.id);
}

async function fieldsVersion(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ v: string }>`select fields_version::text as v from workspaces where id = ${workspaceId}`.execute(db);
  return Number(rows[0]!.v);
}

async function definitionRow(workspaceId: string, id: string) {
  const { rows } = await sql<{ retired: boolean; job_id: string | null }>`
    select retired_at is not null as retired, cleanup_job_id::text as job_id from field_definitions where workspace_id = ${workspaceId} and id = ${id}`.execute(db);
  return rows[0] ?? null;
}

const filterOn = (key: string, value: unknown) => `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: `attributes.${key}`, op: 'eq', value }))}`;

const LEVEL = { object: 'contacts', key: 'level', label: 'Level', type: 'select', options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] };

describe('deleting a custom field', () => {
  it('answers 202 with a job, hides the field at once, and the job strips every value and the definition', async () => {
    const { ws, api } = await adminOf();
    const fieldId = await createField(api, LEVEL);
    await createField(api, { object: 'contacts', key: 'note', label: 'Note', type: 'text' });
    // the same key on companies is another field: its values stay
    await createField(api, { ...LEVEL, object: 'companies' });
    const company = await api.post('/api/v1/companies', { name: 'Kept Co', attributes: { level: 'gold' } });
    expect(company.status).toBe(201);
    const gold = await createContact(api, { level: 'gold', note: 'keep me' });
    const silver = await createContact(api, { level: 'silver' });
    const none = await createContact(api, { note: 'no level' });
    const trashed = await createContact(api, { level: 'gold' });
    expect((await api.delete(`/api/v1/contacts/${trashed}`)).status).toBe(204);
    expect(await holders(ws.workspaceId, 'level')).toEqual([gold, silver, trashed]);
    const v0 = await fieldsVersion(ws.workspaceId);

    const res = await api.delete(`/api/v1/custom-fields/${fieldId}`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ job_id: expect.stringMatching(/^\d+$/) });
    const jobId = res.body.job_id as string;
    const queued = (await api.get<Job>(`/api/v1/jobs/${jobId}`)).body;
    expect([queued.kind, queued.status]).toEqual([FIELD_PURGE_JOB_KIND, 'queued']);
    expect(await fieldsVersion(ws.workspaceId)).toBeGreaterThan(v0);
    const { rows: audit } = await sql<{ actor_id: string; changes: Record<string, unknown> }>`
      select actor_id::text, changes from audit_log
      where workspace_id = ${ws.workspaceId} and object_type = 'field_definitions' and record_id = ${fieldId} and action = 'delete'`.execute(db);
    expect(audit).toEqual([{ actor_id: ws.adminId, changes: { key: ['level', null], object: ['contacts', null], type: ['select', null] } }]);

    // before the job has run: the values are still stored, but nothing shows or accepts the field
    expect(await holders(ws.workspaceId, 'level')).toEqual([gold, silver, trashed]);
    const list = await api.get('/api/v1/custom-fields?object=contacts');
    expect(list.body.data.map((d: { key: string }) => d.key)).toEqual(['note']);
    const filtered = await api.get(filterOn('level', 'gold'));
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.code).toBe('FILTER_INVALID');
    expect((await api.get(`/api/v1/contacts/${gold}`)).body.attributes).toEqual({ note: 'keep me' });
    const rows = (await api.get('/api/v1/contacts')).body.data as { id: string; attributes: Record<string, unknown> }[];
    expect(rows.find((r) => r.id === silver)!.attributes).toEqual({});
    const write = await api.post('/api/v1/contacts', { last_name: 'Late', attributes: { level: 'gold' } });
    expect(write.status).toBe(400);
    expect(write.body.error.code).toBe('FIELD_UNKNOWN');
    expect((await api.patch(`/api/v1/custom-fields/${fieldId}`, { label: 'Again' })).status).toBe(404);
    // deleting again while the job is queued answers with the same job
    expect((await api.delete(`/api/v1/custom-fields/${fieldId}`)).body).toEqual({ job_id: jobId });

    const v1 = await fieldsVersion(ws.workspaceId);
    const done = await runJobs(api, jobId);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toEqual({ done: 4, total: 4 });
    expect(done.message).toBe('contacts: level');
    expect(done.result).toMatchObject({ field_id: fieldId, key: 'level', scanned: 4, stripped: 3, definition_removed: true });
    expect(await holders(ws.workspaceId, 'level')).toEqual([]);
    expect(await definitionRow(ws.workspaceId, fieldId)).toBeNull();
    expect(await fieldsVersion(ws.workspaceId)).toBeGreaterThan(v1);
    // other keys and the other object are untouched; nothing was edited, so versions stay
    expect((await api.get(`/api/v1/contacts/${gold}`)).body).toMatchObject({ version: 1, attributes: { note: 'keep me' } });
    expect((await api.get(`/api/v1/contacts/${none}`)).body.attributes).toEqual({ note: 'no level' });
    expect(await holders(ws.workspaceId, 'level', 'companies')).toEqual([company.body.id]);
    expect((await api.get('/api/v1/custom-fields?object=companies')).body.data.map((d: { key: string }) => d.key)).toEqual(['level']);
    expect((await api.delete(`/api/v1/custom-fields/${fieldId}`)).status).toBe(404);
  });

  it('keeps the key until the job has finished; a field re-created with another type never sees old values', async () => {
    const { ws, api } = await adminOf();
    const fieldId = await createField(api, { object: 'contacts', key: 'score', label: 'Score', type: 'number' });
    const contact = await createContact(api, { score: 5 });
    const jobId = (await api.delete(`/api/v1/custom-fields/${fieldId}`)).body.job_id as string;

    const early = await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'text' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'FIELD_DELETE_PENDING', details: { field: 'key', field_id: fieldId, job_id: jobId } });
    expect((await api.get('/api/v1/custom-fields?object=contacts')).body.data).toEqual([]);

    expect((await runJobs(api, jobId)).status).toBe('succeeded');
    const again = await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'text' });
    expect(again.status).toBe(201);
    expect(again.body.type).toBe('text');
    expect((await api.get(`/api/v1/contacts/${contact}`)).body.attributes).toEqual({});
    expect(await holders(ws.workspaceId, 'score')).toEqual([]);
    expect((await api.get(filterOn('score', '5'))).body.data).toEqual([]);
    // and the new field works as any other
    expect((await api.patch(`/api/v1/contacts/${contact}`, { version: 1, attributes: { score: 'high' } })).body.attributes).toEqual({ score: 'high' });
  });

  it('resumes after a crash from the checkpoint of its last committed batch', async () => {
    const { ws, api } = await adminOf();
    const fieldId = await createField(api, { object: 'contacts', key: 'tier', label: 'Tier', type: 'text' });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await createContact(api, { tier: `T${i}` }));
    const jobId = (await api.delete(`/api/v1/custom-fields/${fieldId}`)).body.job_id as string;
    const handler = fieldPurgeJobHandler(db, { batchRows: 3 });
    const payload = async () => (await sql<{ payload: Record<string, unknown> }>`
      select payload from job_runs where workspace_id = ${ws.workspaceId} and id = ${jobId}`.execute(db)).rows[0]!.payload;
    const context = async (attempt: number, progress: JobContext['progress']): Promise<JobContext> => ({
      jobId, workspaceId: ws.workspaceId, userId: ws.adminId, payload: await payload(), attempt, progress,
      cancelRequested: async () => false, signal: new AbortController().signal,
    });

    // the process dies right after the first batch has committed (its second progress report)
    let reports = 0;
    const crash = await context(1, async () => {
      if (++reports === 2) throw new Error('killed');
    });
    await expect(handler(crash)).rejects.toThrow('killed');
    expect(await holders(ws.workspaceId, 'tier')).toEqual(ids.slice(3));
    expect((await payload()).checkpoint).toEqual({ after_id: ids[2], scanned: 3, stripped: 3 });
    expect((await definitionRow(ws.workspaceId, fieldId))?.retired).toBe(true);

    // pg-boss runs it again: it starts after the checkpoint, not from the first record
    const seen: number[] = [];
    const retry = await context(2, async (done) => {
      seen.push(done);
    });
    const result = await handler(retry);
    expect(seen).toEqual([3, 6, 7]);
    expect(result).toMatchObject({ scanned: 7, stripped: 7, definition_removed: true });
    expect(await holders(ws.workspaceId, 'tier')).toEqual([]);
    expect(await definitionRow(ws.workspaceId, fieldId)).toBeNull();

    // the queued run finds the work done and ends cleanly
    const late = await runJobs(api, jobId);
    expect(late.status).toBe('succeeded');
    expect(late.result).toMatchObject({ definition_removed: false });
  });

  it('starts a new job when the field is deleted again after its job was cancelled', async () => {
    const { ws, api } = await adminOf();
    const fieldId = await createField(api, LEVEL);
    const contact = await createContact(api, { level: 'gold' });
    const first = (await api.delete(`/api/v1/custom-fields/${fieldId}`)).body.job_id as string;
    expect((await api.post(`/api/v1/jobs/${first}/cancel`)).body.status).toBe('cancelled');
    expect(await definitionRow(ws.workspaceId, fieldId)).toEqual({ retired: true, job_id: first });
    expect((await api.get(`/api/v1/contacts/${contact}`)).body.attributes).toEqual({});

    const second = await api.delete(`/api/v1/custom-fields/${fieldId}`);
    expect(second.status).toBe(202);
    expect(second.body.job_id).not.toBe(first);
    expect(await definitionRow(ws.workspaceId, fieldId)).toEqual({ retired: true, job_id: second.body.job_id });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'field_definitions' and action = 'delete'`.execute(db);
    expect(rows[0]!.n).toBe(1);
    expect((await runJobs(api, second.body.job_id)).status).toBe('succeeded');
    expect(await holders(ws.workspaceId, 'level')).toEqual([]);
    expect(await definitionRow(ws.workspaceId, fieldId)).toBeNull();
  });

  it('leaves another workspace with a field of the same key alone', async () => {
    const a = await adminOf();
    const b = await adminOf();
    const fieldA = await createField(a.api, LEVEL);
    await createField(b.api, LEVEL);
    await createContact(a.api, { level: 'gold' });
    const kept = await createContact(b.api, { level: 'silver' });
    // another workspace's id is not found
    expect((await b.api.delete(`/api/v1/custom-fields/${fieldA}`)).status).toBe(404);

    const jobId = (await a.api.delete(`/api/v1/custom-fields/${fieldA}`)).body.job_id as string;
    expect((await b.api.get(filterOn('level', 'silver'))).body.data.map((c: { id: string }) => c.id)).toEqual([kept]);
    expect((await runJobs(a.api, jobId)).status).toBe('succeeded');
    expect(await holders(a.ws.workspaceId, 'level')).toEqual([]);
    expect(await holders(b.ws.workspaceId, 'level')).toEqual([kept]);
    expect((await b.api.get(`/api/v1/contacts/${kept}`)).body.attributes).toEqual({ level: 'silver' });
    expect((await b.api.get('/api/v1/custom-fields?object=contacts')).body.data.map((d: { key: string }) => d.key)).toEqual(['level']);
  });

  it('answers 404 for an unknown id and 403 to a user who may not edit settings, and starts nothing', async () => {
    const { ws, api } = await adminOf();
    const fieldId = await createField(api, LEVEL);
    const missing = await api.delete('/api/v1/custom-fields/999999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const denied = await client(app, await logInAs(app, manager.email)).delete(`/api/v1/custom-fields/${fieldId}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('PERMISSION_DENIED');
    expect(await definitionRow(ws.workspaceId, fieldId)).toEqual({ retired: false, job_id: null });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from job_runs where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });
});
