import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { testDatabase } from './test-db.ts';

export type ProcessResult = { status: number | null; stdout: string; stderr: string };

/**
 * Call at the top level of a black-box CLI test file: the file's own database, a private data directory
 * (removed after the file), the environment a `relata` process gets, and a runner for node processes in it.
 */
export async function cliProcess(prefix: string) {
  const { database, url } = await testDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, RELATA_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  /** `node ...args` with that environment; resolves with its exit status and output when it ends */
  const node = (args: string[]): Promise<ProcessResult> => new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { db: database.db, url, dir, env, node };
}
