/**
 * The core benchmark: a fresh embedded PostgreSQL, a workspace with a department tree and 2,048 users,
 * 1M contacts / 5M orders from seedCustomers (`--contacts N` to scale down), then the API under load for a
 * department-scoped user: contact by id at a fixed rate, a filtered list, three kinds of search and the
 * timeline, with a raw-SQL baseline of the by-id lookup in the same run. Writes bench/results/core-<date>.json.
 *
 *   npm run bench:core -- --contacts 100000 [--seconds 10] [--json] [--keep] [--keep-indexes]
 *   npm run bench:core -- --data-dir /tmp/relata-bench-xyz   (measure again on a kept database, no seeding)
 *   npm run bench:core -- --data-dir … --only contact_by_id --cpu-prof /tmp/prof   (one scenario, server CPU profile)
 *   npm run bench:core -- --data-dir … --only contact_by_id --server-flags "--trace-gc" --server-log /tmp/gc.txt
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createWorkspace, hashPassword } from '../src/modules/accounts/index.ts';
import { seedCustomers, type SeedProgress } from '../src/modules/customers/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { SERVER_NODE_FLAGS } from '../src/platform/http/server-runtime.ts';
import { freePort } from '../src/platform/db/free-port.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { explainSearches } from './explain-search.ts';
import { measureCpu, runHttp, runSqlAtRate, WARM_UP_SECONDS, type ScenarioResult } from './measure.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    'orders-per-contact': { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'keep-indexes': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'server-flags': { type: 'string' },
    'server-log': { type: 'string' },
  },
});
const CONTACTS = Number(args.contacts);
/** extra Node.js flags for the server under test, e.g. "--trace-gc" with --server-log FILE to keep what it prints */
const SERVER_EXTRA_FLAGS = (args['server-flags'] ?? '').split(' ').filter((f) => f !== '');
const ORDERS_PER_CONTACT = Number(args['orders-per-contact']);
const SECONDS = Number(args.seconds);
const RATE = Number(args.rate);
const PASSWORD = 'Bench-Password-1';
const USERS = 2048;
const REGIONS = 8;
const BRANCHES_PER_REGION = 8;

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const reuse = args['data-dir'] !== undefined && fs.existsSync(path.join(args['data-dir'], 'pgdata'));
const dataDir = args['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'relata-bench-'));
log(`embedded PostgreSQL in ${dataDir}${reuse ? ' (reused: no seeding)' : ''}`);
const pgHandle = await startEmbeddedPostgres({ dataDir, database: 'relata_bench' });
let server: ChildProcess | undefined;
try {
  // a reused database keeps the schema of the run that created it
  if (!reuse) await migrate(pgHandle.url);
  const database = openDatabase(pgHandle.url, { max: 10 });
  const { db, pool } = database;

  let ws: { workspaceId: string };
  let org: Organisation;
  let seeded: Awaited<ReturnType<typeof seedCustomers>> | null = null;
  let seedSeconds: number | null = null;
  if (reuse) {
    ({ ws, org } = await findOrganisation(db));
  } else {
    const created = await createWorkspace(db, { name: 'Bench Co', adminEmail: 'admin@bench.example', adminName: 'Admin', adminPassword: PASSWORD });
    ws = created;
    org = await buildOrganisation(db, created.workspaceId, created.departmentId);
    log(`workspace ${ws.workspaceId}: ${org.userIds.length} users in ${org.leafDepartments.length} branches`);
    let lastLog = 0;
    const seedStarted = performance.now();
    seeded = await seedCustomers(db, {
      workspaceId: ws.workspaceId,
      contacts: CONTACTS,
      ordersPerContact: ORDERS_PER_CONTACT,
      ownerIds: org.userIds,
      seed: 42,
      pool,
      rebuildIndexes: !args['keep-indexes'],
      onProgress: (p: SeedProgress) => {
        if (performance.now() - lastLog > 5000 || p.done === p.total) {
          lastLog = performance.now();
          log(`seed ${p.phase}: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`);
        }
      },
    });
    seedSeconds = Math.round(performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds} s: ${JSON.stringify(seeded)}`);
  }
  if (!reuse) await sql`vacuum analyze`.execute(db);
  await settle(db);
  const counts = (await sql<{ contacts: string; orders: string }>`
    select (select count(*) from contacts)::text as contacts, (select count(*) from orders)::text as orders`.execute(db)).rows[0]!;
  const size = await sql<{ bytes: string; pretty: string }>`select pg_database_size(current_database())::text as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty`.execute(db);

  // the measured user: 本部门 scope (the service role), in one branch of 32 colleagues
  const visible = await sql<{ id: string }>`
    select c.id::text from contacts c join users u on u.workspace_id = c.workspace_id and u.id = c.owner_id
    where c.workspace_id = ${ws.workspaceId} and u.department_id = ${org.benchDepartment} and c.deleted_at is null
    order by hashint8(c.id) limit 5000`.execute(db);
  const ids = visible.rows.map((r) => r.id);
  log(`bench user sees ~${ids.length === 5000 ? '5000+' : ids.length} contacts (sampled for by-id)`);

  const port = await freePort();
  server = await startServer(pgHandle.url, port, args['cpu-prof']);
  const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const cookie = await logIn(baseUrl, org.benchEmail);

  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  const filter = JSON.stringify({ and: [
    { field: 'city', op: 'eq', value: '上海' },
    { field: 'tags', op: 'has_tag', value: 'VIP' },
    { field: 'attributes.industry', op: 'eq', value: 'retail' },
  ] });
  const typos = ['oosterhus', 'margaretha oosterhus', 'schneidr', 'kowalsky', 'fitzgerld'];
  const cjk = ['李娜', '王芳', '张伟', '刘洋', '陈静', '黄敏'];
  const initials = ['zw', 'wf', 'ln', 'ly', 'cj', 'hm'];
  const q = (text: string) => `/api/v1/search?q=${encodeURIComponent(text)}&limit=10`;
  const scenarios: ScenarioResult[] = [];
  const run = async (s: Parameters<typeof runHttp>[2]) => {
    if (args.only && !args.only.split(',').includes(s.name)) return;
    log(`scenario ${s.name}…`);
    const before = os.loadavg()[0]!;
    const { result: r, cpu_ms } = await measureCpu(server!.pid!, postmasterPid, () => runHttp(baseUrl, cookie, s));
    // CPU per request (warm-up and probe included in both the time and the count) hardly moves with the
    // machine's other work, unlike latency
    const sent = r.status === 'ok' ? r.requests + 1 + (s.rate && !s.autocannonRate ? s.rate * WARM_UP_SECONDS : 0) : 0;
    const perRequest = sent ? Object.fromEntries(Object.entries(cpu_ms).map(([k, v]) => [k, Math.round((v / sent) * 1000) / 1000])) : null;
    log(`  ${JSON.stringify(r)} cpu ms/request ${JSON.stringify(perRequest)}`);
    // other work on the machine skews latencies: the load average says how much
    scenarios.push({ ...r, ...(perRequest ? { cpu_ms_per_request: perRequest } : {}), load_avg_1m: [Math.round(before * 10) / 10, Math.round(os.loadavg()[0]! * 10) / 10] });
  };
  // the HTTP floor of this machine at the same rate: what the server's tail is without any work
  await run({ name: 'health_floor', path: () => '/api/v1/health', rate: RATE, connections: 16, seconds: SECONDS, note: 'GET /api/v1/health: no database, no authentication' });
  await run({ name: 'contact_by_id', path: () => `/api/v1/contacts/${pick(ids)}`, rate: RATE, connections: 16, seconds: SECONDS });
  await run({
    name: 'contact_by_id_autocannon_budget', path: () => `/api/v1/contacts/${pick(ids)}`, rate: RATE, autocannonRate: true, connections: 16, seconds: SECONDS,
    note: "autocannon's overallRate: each connection sends its share of a second back to back, then waits — bursts of 16 concurrent requests, not a rate; kept to compare with runs before 2026-12-03",
  });
  await run({ name: 'contacts_filtered_list', path: () => `/api/v1/contacts?limit=50&filter=${encodeURIComponent(filter)}`, connections: 4, seconds: SECONDS, note: 'city = 上海 and tag VIP and attributes.industry = retail' });
  await run({ name: 'contacts_scoped_list', path: () => '/api/v1/contacts?limit=50', connections: 4, seconds: SECONDS, note: 'first page, no filter, newest first: the list a 本部门-scoped user lands on (32 owners, ~1.5 % of the contacts) with its total' });
  await run({ name: 'search_latin_typo', path: () => q(pick(typos)), connections: 4, seconds: SECONDS, note: typos.join(', ') });
  await run({ name: 'search_cjk_2char', path: () => q(pick(cjk)), connections: 4, seconds: SECONDS, note: cjk.join(', ') });
  await run({ name: 'search_pinyin_initials', path: () => q(pick(initials)), connections: 4, seconds: SECONDS, note: initials.join(', ') });
  await run({ name: 'contact_timeline', path: () => `/api/v1/contacts/${pick(ids)}/timeline?limit=20`, connections: 4, seconds: SECONDS });

  log('baseline: the by-id lookup as raw SQL through pg');
  const baseline = await runSqlAtRate(pool, 'contact_by_id_raw_sql', () => ['select * from contacts where workspace_id = $1 and id = $2', [ws.workspaceId, pick(ids)]], RATE, SECONDS);
  scenarios.push(baseline);
  const byId = scenarios.find((s) => s.name === 'contact_by_id');
  const ratio = byId?.status === 'ok' && baseline.status === 'ok' ? Math.round((byId.latency_ms.p50 / baseline.latency_ms.p50) * 10) / 10 : null;

  const plans = await explainSearches(pool, org.benchUserId, ws.workspaceId, [typos[0]!, typos[1]!, cjk[0]!, initials[0]!, 'zhangs', '8000']);

  const result = {
    benchmark: 'core',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    postgres: (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v,
    params: { contacts: Number(counts.contacts), orders: Number(counts.orders), users: org.userIds.length, seconds: SECONDS, rate: RATE, rebuild_indexes: !args['keep-indexes'], reused_database: reuse },
    seed: seeded ? { total_seconds: seedSeconds, ...seeded } : null,
    database_size: { bytes: Number(size.rows[0]!.bytes), pretty: size.rows[0]!.pretty },
    scenarios,
    ratio_by_id_api_vs_sql_p50: ratio,
    search_plans: plans,
  };
  const file = path.join(HERE, 'results', `core-${result.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  printSummary(seedSeconds, result.database_size.pretty, scenarios, ratio);
  log(`results written to ${path.relative(process.cwd(), file)}`);
  if (args.json) process.stdout.write(JSON.stringify(result) + '\n');
  await database.close();
} finally {
  if (server) await stopServer(server);
  await pgHandle.stop();
  if (!args.keep && args['data-dir'] === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
  else log(`kept ${dataDir}`);
}

/**
 * Measures a settled database, not the minutes after a bulk load: a checkpoint writes the load's dirty
 * buffers out (its fsyncs wait for the kernel's writeback), then the run waits — up to five minutes —
 * until no autovacuum worker is busy and the 1-minute load average is under 1. Both waits are logged and
 * the load average is recorded with every scenario.
 */
async function settle(db: ReturnType<typeof openDatabase>['db']): Promise<void> {
  const started = performance.now();
  await sql`checkpoint`.execute(db);
  log(`checkpoint in ${Math.round(performance.now() - started) / 1000} s`);
  // Steady state, as on a server that has been answering for a while: the contacts, their indexes and the
  // tables every request reads are in PostgreSQL's cache (autoprewarm restores it after a restart; a
  // fresh bench database has no block list yet). Orders, activities and notes stay as they are.
  const warmed = performance.now();
  await sql`create extension if not exists pg_prewarm`.execute(db);
  const { rows: pages } = await sql<{ pages: string }>`
    select sum(pg_prewarm(c.oid))::text as pages from pg_class c
    where c.relname in ('contacts', 'users', 'roles', 'sessions', 'workspaces', 'record_collaborators', 'field_definitions', 'companies')
       or c.oid in (select i.indexrelid from pg_index i join pg_class t on t.oid = i.indrelid where t.relname in ('contacts', 'users', 'sessions', 'record_collaborators'))`.execute(db);
  log(`prewarmed ${pages[0]!.pages} pages in ${Math.round(performance.now() - warmed) / 1000} s`);
  const deadline = performance.now() + 300_000;
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`.execute(db);
    const load = os.loadavg()[0]!;
    if ((rows[0]!.n === 0 && load < 1) || performance.now() > deadline) {
      log(`settled after ${Math.round(performance.now() - started) / 1000} s: ${rows[0]!.n} autovacuum workers, load ${load.toFixed(2)}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
}

type Organisation = { leafDepartments: string[]; userIds: string[]; benchEmail: string; benchUserId: string; benchDepartment: string };

/** A kept database: the workspace and the measured user that an earlier run created. */
async function findOrganisation(db: ReturnType<typeof openDatabase>['db']): Promise<{ ws: { workspaceId: string }; org: Organisation }> {
  const { rows } = await sql<{ workspace_id: string; id: string; department_id: string }>`
    select workspace_id::text, id::text, department_id::text from users where email = 'scoped@bench.example'`.execute(db);
  const bench = rows[0];
  if (!bench) throw new Error('--data-dir holds no earlier bench run');
  const users = await sql<{ id: string }>`select id::text from users where workspace_id = ${bench.workspace_id} and email like 'user%@bench.example'`.execute(db);
  const leaves = await sql<{ id: string }>`select distinct department_id::text as id from users where workspace_id = ${bench.workspace_id} and email like 'user%@bench.example'`.execute(db);
  return {
    ws: { workspaceId: bench.workspace_id },
    org: { leafDepartments: leaves.rows.map((r) => r.id), userIds: users.rows.map((r) => r.id), benchEmail: 'scoped@bench.example', benchUserId: bench.id, benchDepartment: bench.department_id },
  };
}

/** Root › 8 regions › 8 branches; 32 users per branch (a manager and 31 reps), plus the measured user. */
async function buildOrganisation(db: ReturnType<typeof openDatabase>['db'], workspaceId: string, rootId: string): Promise<Organisation> {
  const leafDepartments: string[] = [];
  for (let r = 0; r < REGIONS; r++) {
    const region = await sql<{ id: string }>`insert into departments (workspace_id, name, parent_id) values (${workspaceId}, ${`区域 ${r + 1}`}, ${rootId}) returning id::text`.execute(db);
    for (let b = 0; b < BRANCHES_PER_REGION; b++) {
      const branch = await sql<{ id: string }>`insert into departments (workspace_id, name, parent_id) values (${workspaceId}, ${`分部 ${r + 1}-${b + 1}`}, ${region.rows[0]!.id}) returning id::text`.execute(db);
      leafDepartments.push(branch.rows[0]!.id);
    }
  }
  const hash = await hashPassword(PASSWORD);
  const perBranch = USERS / leafDepartments.length;
  const { rows } = await sql<{ id: string }>`
    insert into users (workspace_id, email, name, password_hash, department_id, role_id)
    select ${workspaceId}, 'user' || g || '@bench.example', '销售 ' || g, ${hash},
           (${leafDepartments}::bigint[])[1 + (g - 1) / ${perBranch}],
           (select id from roles where workspace_id = ${workspaceId} and key = case when (g - 1) % ${perBranch} = 0 then 'manager' else 'sales' end)
    from generate_series(1, ${USERS}) g order by g
    returning id::text`.execute(db);
  await sql`update users u set manager_id = m.id from users m
            where u.workspace_id = ${workspaceId} and m.workspace_id = u.workspace_id and m.department_id = u.department_id
              and m.id <> u.id and m.role_id = (select id from roles where workspace_id = ${workspaceId} and key = 'manager')`.execute(db);
  const benchEmail = 'scoped@bench.example';
  const bench = await sql<{ id: string }>`
    insert into users (workspace_id, email, name, password_hash, department_id, role_id)
    select ${workspaceId}, ${benchEmail}, '客服 Bench', ${hash}, ${leafDepartments[0]!}, id from roles where workspace_id = ${workspaceId} and key = 'service'
    returning id::text`.execute(db);
  return { leafDepartments, userIds: rows.map((r) => r.id), benchEmail, benchUserId: bench.rows[0]!.id, benchDepartment: leafDepartments[0]! };
}

async function startServer(databaseUrl: string, port: number, cpuProfileDir?: string): Promise<ChildProcess> {
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  // the flags `relata serve` runs with, so the server under test is the one users run
  const child = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, ...SERVER_EXTRA_FLAGS, path.join(HERE, 'core-server.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (args['server-log']) fs.appendFileSync(args['server-log'], chunk);
      if (chunk.toString().includes('"ready":true')) resolve();
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function logIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('relata_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

function printSummary(seedSeconds: number | null, size: string, scenarios: ScenarioResult[], ratio: number | null): void {
  const lines = [`seed ${seedSeconds === null ? '(reused database)' : `${seedSeconds} s`}, database ${size}`, 'scenario                      p50 ms   p95 ms   p99 ms     req/s  non-2xx   CPU ms/request: server  postgres'];
  for (const s of scenarios) {
    if (s.status === 'skipped') lines.push(`${s.name.padEnd(28)}  skipped: ${s.reason}`);
    else lines.push(`${s.name.padEnd(28)} ${String(s.latency_ms.p50).padStart(7)} ${String(s.latency_ms.p95).padStart(8)} ${String(s.latency_ms.p99).padStart(8)} ${String(s.throughput_rps).padStart(9)} ${String(s.non2xx).padStart(8)}${s.cpu_ms_per_request ? `${String(s.cpu_ms_per_request.server).padStart(25)} ${String(s.cpu_ms_per_request.postgres).padStart(9)}` : ''}`);
  }
  if (ratio !== null) lines.push(`by id: API p50 / raw SQL p50 = ${ratio}×`);
  process.stderr.write(lines.join('\n') + '\n');
}
