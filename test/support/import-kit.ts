import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadPrincipal } from '../../src/modules/accounts/index.ts';
import { createImport, runImport, type ImportRequest } from '../../src/modules/data/index.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Principal } from '../../src/platform/http/access.ts';
import { newWorkspace } from './test-app.ts';

/**
 * Call at the top level of an import test file: files written to a private folder (removed after the
 * file), a new workspace's administrator as a principal, and an import run from file to finished batch.
 */
export function importKit(db: Db, prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let fileNo = 0;
  return {
    /** the private folder, for files a test writes itself */
    dir,
    file(content: string | Buffer, ext = 'csv'): string {
      const p = path.join(dir, `f${++fileNo}.${ext}`);
      fs.writeFileSync(p, content);
      return p;
    },
    async admin(): Promise<{ ws: string; principal: Principal }> {
      const w = await newWorkspace(db);
      const principal = await loadPrincipal(db, w.workspaceId, w.adminId);
      if (!principal) throw new Error('no principal');
      return { ws: w.workspaceId, principal };
    },
    async load(principal: Principal, object: ImportRequest['object'], p: string, options: Partial<ImportRequest> = {}) {
      const { batchId } = await createImport(db, principal, { object, path: p, fileName: path.basename(p), ...options });
      return runImport(db, principal.workspaceId, batchId);
    },
  };
}
