import os from 'node:os';
import path from 'node:path';

/** Where global-setup records the spawned server, so global-teardown (a separate module load) can stop it. */
export const STATE_FILE = path.join(os.tmpdir(), 'relata-browser-tests.json');

export interface ServerState {
  pid: number;
  tmpDir: string;
  baseURL: string;
}
