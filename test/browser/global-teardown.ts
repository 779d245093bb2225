import fs from 'node:fs';
import path from 'node:path';
import { STATE_FILE, type ServerState } from './server-state.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGINT lets the server stop its embedded PostgreSQL cleanly before the data dir is removed. */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STATE_FILE)) return;
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as ServerState;
  if (alive(state.pid)) {
    process.kill(state.pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (alive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  // PostgreSQL removes its pid file last when it has shut down; only then is the data dir quiet.
  const pidFile = path.join(state.tmpDir, 'data', 'pgdata', 'postmaster.pid');
  const quiet = Date.now() + 15_000;
  while (fs.existsSync(pidFile) && Date.now() < quiet) await new Promise((r) => setTimeout(r, 200));
  fs.rmSync(state.tmpDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  if (fs.existsSync(state.tmpDir)) {
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(state.tmpDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  fs.rmSync(STATE_FILE, { force: true });
}
