import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sharedBuffersMb } from '../../src/platform/db/embedded.ts';
import { freePort } from '../../src/platform/db/free-port.ts';
import { SERVER_NODE_FLAGS } from '../../src/platform/http/server-runtime.ts';

// Black-box: the real `relata` command, its embedded PostgreSQL, and a second CLI process that must
// reuse the running server instead of starting another one on the same data directory.
const BIN = path.resolve('bin/relata.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-cli-'));
const env = { ...process.env, RELATA_DATA_DIR: dataDir, RELATA_ADMIN_PASSWORD: 'Cli-Admin-Pass-1', RELATA_DEMO_DATA: 'none', LOG_LEVEL: 'warn', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
let server: ChildProcess;
let port: number;
let output = '';

function relata(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer: ${output}`);
}

beforeAll(async () => {
  port = await freePort();
  server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`, 90_000);
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGINT');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('relata CLI', () => {
  it('first start creates the admin with the configured password', async () => {
    expect(output).toContain('admin@example.com');
    expect(output).not.toContain('Cli-Admin-Pass-1');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'Cli-Admin-Pass-1' }),
    });
    expect(res.status).toBe(200);
  });

  it('serves with the server V8 flags, and sizes the embedded PostgreSQL cache from the machine with autoprewarm', async () => {
    const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')) as { user: string; password: string };
    const pgPort = Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const client = new pg.Client({ host: '127.0.0.1', port: pgPort, user: creds.user, password: creds.password, database: 'relata' });
    await client.connect();
    try {
      const { rows } = await client.query<{ buffers: string; prewarm: string | null; library: string }>(
        `select current_setting('shared_buffers') as buffers, current_setting('pg_prewarm.autoprewarm', true) as prewarm,
                current_setting('shared_preload_libraries') as library`);
      expect(rows[0]).toEqual({ buffers: `${sharedBuffersMb() >= 1024 && sharedBuffersMb() % 1024 === 0 ? `${sharedBuffersMb() / 1024}GB` : `${sharedBuffersMb()}MB`}`, prewarm: 'on', library: 'pg_prewarm' });
    } finally {
      await client.end();
    }
    // the launcher starts the server process with the server's V8 flags (ADR 17)
    const children = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((pid) => {
      try {
        return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === server.pid;
      } catch {
        return false;
      }
    });
    const commandLines = children.map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
    expect(commandLines.some((args) => SERVER_NODE_FLAGS.every((f) => args.includes(f)) && args.includes('serve')), JSON.stringify(commandLines)).toBe(true);
    expect(sharedBuffersMb(24 * 2 ** 30)).toBe(6144);
    expect(sharedBuffersMb(256 * 2 ** 20)).toBe(128);
    expect(sharedBuffersMb(128 * 2 ** 30)).toBe(8192);
  });

  it('user create and apikey create reuse the running embedded server, and the key works', async () => {
    const user = relata('user', 'create', '--email', 'cli.user@example.com', '--role', 'sales', '--json');
    expect(user.status, user.stderr).toBe(0);
    const created = JSON.parse(user.stdout) as { id: string; email: string; password: string };
    expect(created.email).toBe('cli.user@example.com');
    expect(created.password.length).toBeGreaterThanOrEqual(12);
    expect(user.stdout + user.stderr).not.toContain('embedded PostgreSQL started');

    const key = relata('apikey', 'create', '--user', 'cli.user@example.com', '--name', 'ci', '--json');
    expect(key.status, key.stderr).toBe(0);
    const { key: secret } = JSON.parse(key.stdout) as { key: string };
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('cli.user@example.com');
  });

  it('reports errors with --json and a non-zero exit', () => {
    const dup = relata('user', 'create', '--email', 'cli.user@example.com', '--json');
    expect(dup.status).toBe(1);
    expect(JSON.parse(dup.stdout).error.code).toBe('CLI_ERROR');
    const missing = relata('apikey', 'create', '--user', 'nobody@example.com', '--name', 'x', '--json');
    expect(missing.status).toBe(1);
  });

  it('migrate reports an up-to-date database', () => {
    const r = relata('migrate', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ applied: [] });
  });
});
