import { parentPort, workerData } from 'node:worker_threads';
import { runImport } from '../modules/data/index.ts';
import { openDatabase } from '../platform/db/database.ts';

/**
 * `relata import` runs the engine on this worker thread, whose heap is capped (resourceLimits): the
 * staging loop allocates fast, and an uncapped V8 heap grows lazily to hundreds of MB although what it
 * keeps alive is bounded. A kill of the process ends this thread with it.
 */
export type ImportWorkerData = { url: string; workspaceId: string; batchId: string };
export type ImportWorkerMessage =
  | { type: 'progress'; done: number; total: number | null; phase: string }
  | { type: 'done'; batch: Awaited<ReturnType<typeof runImport>> }
  | { type: 'error'; message: string; code: string | null };

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread');
const data = workerData as ImportWorkerData;
const database = openDatabase(data.url, { max: 3 });
try {
  const batch = await runImport(database.db, data.workspaceId, data.batchId, {
    onProgress: (done, total, phase) => port.postMessage({ type: 'progress', done, total, phase } satisfies ImportWorkerMessage),
  });
  port.postMessage({ type: 'done', batch } satisfies ImportWorkerMessage);
} catch (error) {
  const code = (error as { code?: unknown }).code;
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null } satisfies ImportWorkerMessage);
} finally {
  await database.close();
}
