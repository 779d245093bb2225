import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATE_FILE, type ServerState } from './server-state.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_BIN = path.join(ROOT, 'node_modules', '.bin');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseURL: string, child: { exitCode: number | null }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`relata serve exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseURL}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`relata serve did not become healthy within ${timeoutMs / 1000} s`);
}

export default async function globalSetup(): Promise<void> {
  // Pointing the tests at an already running server (while developing the UI) skips the spawn.
  if (process.env['RELATA_BASE_URL']) return;
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    const build = spawnSync(path.join(NODE_BIN, 'vite'), ['build', '--config', 'web/vite.config.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${NODE_BIN}:${process.env['PATH'] ?? ''}` },
    });
    if (build.status !== 0) throw new Error('web build failed');
  }

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-browser-'));
  // embedded PostgreSQL runs as an unprivileged user when we are root; it must reach the data dir
  fs.chmodSync(tmpDir, 0o755);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(tmpDir, 'server.log'), 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${NODE_BIN}:${process.env['PATH'] ?? ''}`,
    PORT: String(port),
    RELATA_DATA_DIR: path.join(tmpDir, 'data'),
    RELATA_ADMIN_PASSWORD: 'Admin-Passw0rd!',
    RELATA_DEMO_DATA: 'small',
  };
  delete env['DATABASE_URL'];
  const child = spawn(path.join(NODE_BIN, 'node'), [path.join(ROOT, 'bin', 'relata.mjs'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  if (!child.pid) throw new Error('could not spawn relata serve');

  const state: ServerState = { pid: child.pid, tmpDir, baseURL };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  try {
    await waitForHealth(baseURL, child, 120_000);
  } catch (error) {
    const tail = fs.readFileSync(path.join(tmpDir, 'server.log'), 'utf8').slice(-4000);
    child.kill('SIGINT');
    throw new Error(`${(error as Error).message}\n--- server log ---\n${tail}`, { cause: error });
  }
  process.env['RELATA_BASE_URL'] = baseURL;
  child.unref();
}
